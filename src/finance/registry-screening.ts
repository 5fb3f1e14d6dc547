import { and, eq, inArray } from "drizzle-orm";
import type { FtmEntity } from "../model/entity.ts";
import type { DbOrTx } from "../platform/db.ts";
import { toFtmEntity, toRegistryEntity } from "../registry/rows.ts";
import { entities } from "../registry/schema.ts";
import { RELATIONSHIP_ENDS, RELATIONSHIP_SCHEMATA, RelationshipGraph } from "./relationships.ts";

/**
 * The registry's active relationships and the entities they join (for their names), read fresh: a server
 * screening against the live index reads this per batch, so a new link counts at once. With `visible`, a
 * link counts only when the link and both its ends are records the screening agency may know of.
 */
export async function loadRelationships(
  db: DbOrTx,
  visible?: (ids: string[]) => Promise<Set<string>>,
): Promise<RelationshipGraph> {
  const active = eq(entities.status, "active");
  const links = await db
    .select()
    .from(entities)
    .where(and(active, inArray(entities.schema, [...RELATIONSHIP_SCHEMATA])));
  let linked = links.map((row) => toFtmEntity(toRegistryEntity(row)));
  const endIds = [...new Set(linked.flatMap((e) => Object.values(e.properties).flat()))];
  if (visible) {
    const known = await visible([...linked.map((e) => e.id), ...endIds]);
    const ends = (e: FtmEntity) =>
      RELATIONSHIP_ENDS.flatMap((p) => e.properties[p] ?? []).every((id) => known.has(id));
    linked = linked.filter((e) => known.has(e.id) && ends(e));
  }
  const ends = endIds.length ? await db.select().from(entities).where(inArray(entities.id, endIds)) : [];
  return new RelationshipGraph([...linked, ...ends.map((row) => toFtmEntity(toRegistryEntity(row)))]);
}
