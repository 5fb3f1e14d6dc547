import { createHash, randomUUID } from "node:crypto";

/** A fresh random id with a readable prefix, e.g. `imp_…` for imports. */
export function newId(prefix: string): string {
  return `${prefix}_${randomUUID().replaceAll("-", "").slice(0, 20)}`;
}

/** A stable id derived from parts, so re-importing the same source gives the same entity ids. */
export function stableId(prefix: string, ...parts: string[]): string {
  const digest = createHash("sha1").update(parts.join("\u241f")).digest("hex").slice(0, 24);
  return `${prefix}-${digest}`;
}

export function sha256Hex(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}
