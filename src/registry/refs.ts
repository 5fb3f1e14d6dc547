import { asc, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { DbOrTx } from "../platform/db.ts";
import type { EntityRow } from "./rows.ts";
import { entities, entityRefs } from "./schema.ts";

/** FtM properties by which a passport, sanction or link record points at the record it belongs to. */
export const REFERRING_PROPERTIES = [
  "holder",
  "entity",
  "person",
  "relative",
  "associate",
  "member",
  "organization",
] as const;

/** `array['holder', …]`: the constant list above as SQL (no input reaches it). */
const PROPERTY_ARRAY = sql.raw(`array[${REFERRING_PROPERTIES.map((p) => `'${p}'`).join(", ")}]`);

/**
 * `(ref_id, entity_id, property)` of every reference the rows of `source` make, each once; `source` has
 * the columns `id` and `properties`. The migration that created entity_refs backfilled it the same way.
 */
export function referencesOf(source: SQL): SQL {
  return sql`select distinct r.ref_id, s.id, p.property
    from ${source} as s
    cross join unnest(${PROPERTY_ARRAY}) as p(property)
    cross join jsonb_array_elements_text(s.properties -> p.property) as r(ref_id)`;
}

export interface ReferringRow {
  row: EntityRow;
  /** The asked-for ids this entity refers to. */
  refIds: string[];
}

/** The entities (any status) that refer to any of `ids` through a referring property, ordered by id. */
export async function entitiesReferringTo(db: DbOrTx, ids: readonly string[]): Promise<ReferringRow[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select({ entity: entities, refId: entityRefs.refId })
    .from(entityRefs)
    .innerJoin(entities, eq(entities.id, entityRefs.entityId))
    .where(inArray(entityRefs.refId, [...ids]))
    .orderBy(asc(entities.id), asc(entityRefs.refId));
  const referring: ReferringRow[] = [];
  // Ordered by entity and id, so one entity's rows (one per property naming the id) come together.
  for (const { entity, refId } of rows) {
    const last = referring.at(-1);
    if (last?.row.id !== entity.id) referring.push({ row: entity, refIds: [refId] });
    else if (last.refIds.at(-1) !== refId) last.refIds.push(refId);
  }
  return referring;
}
