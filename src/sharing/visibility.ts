import { inArray } from "drizzle-orm";
import type { EntityStatus, Handling } from "../model/entity.ts";
import type { DbOrTx } from "../platform/db.ts";
import { entities } from "../registry/schema.ts";
import { batchedReads } from "./batched-reads.ts";
import { deciderFor } from "./disclose.ts";
import type { Actor, Purpose } from "./types.ts";

/**
 * Only what the policy decides on, in shared reads: every screening asks this of its matches, and whole
 * records would cost reading and parsing their properties.
 */
const loadPolicyFacts = batchedReads(
  (db, ids) =>
    db
      .select({
        id: entities.id,
        originator: entities.originator,
        handling: entities.handling,
        status: entities.status,
      })
      .from(entities)
      .where(inArray(entities.id, ids)),
  (row) => ({ ...row, handling: row.handling as Handling, status: row.status as EntityStatus }),
);

/**
 * Which registry records exist at all for an agency screening for a purpose: the policy's decision is
 * anything but `none`. Screening for another agency drops every match, relationship and related subject
 * the viewer may not know of before anything is stored or answered.
 */
export async function visibleRecords(
  db: DbOrTx,
  actor: Actor,
  purpose: Purpose,
  ids: readonly string[],
  now: Date,
): Promise<Set<string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Set();
  const records = await loadPolicyFacts(db, unique);
  const { decide } = await deciderFor(db, actor, purpose, unique, now);
  const visible = new Set<string>();
  for (const record of records.values()) if (decide(record).level !== "none") visible.add(record.id);
  return visible;
}
