import { useQuery } from "@tanstack/react-query";
import { api } from "./api.ts";

export interface ConsoleSummary {
  demoEntities: number;
  registry: { dataset: string; originator: string; entities: number }[];
  screenedToday: { flights: number; travellers: number };
}

/** The dashboard's counts and whether synthetic demo data is loaded. */
export function useSummary() {
  return useQuery({
    queryKey: ["console-summary"],
    queryFn: () => api<ConsoleSummary>("/api/v1/console/summary"),
    staleTime: 30_000,
  });
}
