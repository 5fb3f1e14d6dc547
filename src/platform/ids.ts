import { hash, randomUUID } from "node:crypto";

/** A fresh random id with a readable prefix, e.g. `imp_…` for imports. */
export function newId(prefix: string): string {
  return `${prefix}_${randomUUID().replaceAll("-", "").slice(0, 20)}`;
}

/** A stable id derived from parts, so re-importing the same source gives the same entity ids. */
export function stableId(prefix: string, ...parts: string[]): string {
  const digest = hash("sha1", parts.join("\u241f")).slice(0, 24);
  return `${prefix}-${digest}`;
}

/** One-shot hashing: several times faster than createHash for the many short texts an import hashes. */
export function sha256Hex(text: string): string {
  return hash("sha256", text);
}
