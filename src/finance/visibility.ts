import { inArray } from "drizzle-orm";
import type { DbOrTx } from "../platform/db.ts";
import { toRegistryEntity } from "../registry/rows.ts";
import { entities } from "../registry/schema.ts";
import { decideDisclosure } from "../sharing/policy.ts";
import type { Actor, Agency, Purpose } from "../sharing/types.ts";
import { loadGrants, loadPolicyWorld } from "../sharing/world.ts";

/**
 * Which registry records exist at all for an agency screening for a purpose: the policy's decision is
 * anything but `none`. Payment screening for another agency drops every match, relationship and related
 * subject the viewer may not know of before anything is stored or answered.
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
  const rows = await db.select().from(entities).where(inArray(entities.id, unique));
  const world = await loadPolicyWorld(db);
  const viewer: Agency = world.agencies.get(actor.agencyId) ?? {
    id: actor.agencyId,
    country: "",
    name: actor.agencyId,
    type: "financial-intelligence",
  };
  const grants = await loadGrants(db, viewer.id, unique, now);
  const visible = new Set<string>();
  for (const row of rows) {
    const record = toRegistryEntity(row);
    const { level } = decideDisclosure({
      viewer,
      purpose,
      record,
      arrangements: world.arrangements,
      grants,
      now,
      coalition: world.coalition,
    });
    if (level !== "none") visible.add(record.id);
  }
  return visible;
}
