/**
 * Which API routes this server offers, read from its OpenAPI document. A page whose routes are missing is
 * left out of the navigation instead of showing made-up data.
 */
import { useQuery } from "@tanstack/react-query";
import { api } from "./api.ts";

interface OpenApi {
  paths?: Record<string, Record<string, unknown>>;
}

/** `GET /api/v1/alerts/{id}` style keys. */
export type Capabilities = ReadonlySet<string>;

async function fetchCapabilities(): Promise<Capabilities> {
  const doc = await api<OpenApi>("/api/docs/json");
  const found = new Set<string>();
  for (const [path, methods] of Object.entries(doc.paths ?? {})) {
    for (const method of Object.keys(methods)) found.add(`${method.toUpperCase()} ${path}`);
  }
  return found;
}

export function useCapabilities() {
  return useQuery({
    queryKey: ["capabilities"],
    queryFn: fetchCapabilities,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function offers(capabilities: Capabilities | undefined, needs: readonly string[]): boolean {
  return capabilities !== undefined && needs.every((need) => capabilities.has(need));
}
