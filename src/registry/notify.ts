import { sql } from "drizzle-orm";
import type { DbOrTx } from "../platform/db.ts";

/** The channel on which every registry write announces which entities changed. */
export const ENTITY_CHANNEL = "ftfx_entities";
/** Payload meaning "too many to list: reload everything" (NOTIFY payloads are capped near 8,000 bytes). */
export const ALL_ENTITIES = "*";
const MAX_LISTED = 100;

/**
 * Announces changed entity ids inside the writing transaction; PostgreSQL delivers the notice only when
 * the transaction commits, so listeners never see a change that was rolled back.
 */
export async function notifyEntitiesChanged(db: DbOrTx, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  const payload = ids.length > MAX_LISTED ? ALL_ENTITIES : JSON.stringify(ids);
  await db.execute(sql`select pg_notify(${ENTITY_CHANNEL}, ${payload})`);
}

/** The ids a notice names, or `all` when listeners must reload the whole registry. */
export function parseEntityNotice(payload: string): string[] | "all" {
  if (payload === ALL_ENTITIES) return "all";
  try {
    const ids: unknown = JSON.parse(payload);
    if (Array.isArray(ids) && ids.every((id) => typeof id === "string")) return ids;
  } catch {
    // A notice this version cannot read is treated as "reload everything": stale is worse than slow.
  }
  return "all";
}
