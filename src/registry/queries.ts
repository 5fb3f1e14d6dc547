import { and, asc, count, eq, gt, type SQL, sql } from "drizzle-orm";
import type { EntityStatus, FtmEntity, RegistryEntity } from "../model/entity.ts";
import type { DbOrTx } from "../platform/db.ts";
import { notFound } from "../platform/errors.ts";
import { toFtmEntity, toRegistryEntity } from "./rows.ts";
import { entities } from "./schema.ts";

export interface EntityFilter {
  schema?: string;
  dataset?: string;
  status?: EntityStatus;
  originator?: string;
}

export interface ListOptions extends EntityFilter {
  limit: number;
  offset: number;
}

export interface EntityPage {
  total: number;
  items: RegistryEntity[];
}

export async function findEntity(db: DbOrTx, id: string): Promise<RegistryEntity | undefined> {
  const [row] = await db.select().from(entities).where(eq(entities.id, id));
  return row ? toRegistryEntity(row) : undefined;
}

/** Like findEntity, but a missing entity is an error naming the id. */
export async function getEntity(db: DbOrTx, id: string): Promise<RegistryEntity> {
  const entity = await findEntity(db, id);
  if (!entity) throw notFound(`no entity with id ${id}`);
  return entity;
}

function filterWhere(filter: EntityFilter): SQL | undefined {
  return and(
    filter.schema ? eq(entities.schema, filter.schema) : undefined,
    filter.dataset ? sql`${entities.datasets} @> ${JSON.stringify([filter.dataset])}::jsonb` : undefined,
    filter.status ? eq(entities.status, filter.status) : undefined,
    filter.originator ? eq(entities.originator, filter.originator) : undefined,
  );
}

/** A page of entities in caption order, with the total matching the filter. */
export async function listEntities(db: DbOrTx, options: ListOptions): Promise<EntityPage> {
  const where = filterWhere(options);
  const [counted] = await db.select({ total: count() }).from(entities).where(where);
  const rows = await db
    .select()
    .from(entities)
    .where(where)
    .orderBy(asc(entities.caption), asc(entities.id))
    .limit(options.limit)
    .offset(options.offset);
  return { total: counted?.total ?? 0, items: rows.map(toRegistryEntity) };
}

const EXPORT_PAGE = 5000;

/** Every entity (optionally filtered) as FtM, in id order, a page at a time so memory stays flat. */
export async function* exportEntities(db: DbOrTx, filter: EntityFilter = {}): AsyncGenerator<FtmEntity> {
  let after = "";
  for (;;) {
    const rows = await db
      .select()
      .from(entities)
      .where(and(filterWhere(filter), gt(entities.id, after)))
      .orderBy(asc(entities.id))
      .limit(EXPORT_PAGE);
    for (const row of rows) yield toFtmEntity(toRegistryEntity(row));
    const last = rows.at(-1);
    if (!last || rows.length < EXPORT_PAGE) return;
    after = last.id;
  }
}

export interface RegistryStats {
  total: number;
  byDataset: Record<string, number>;
  bySchema: Record<string, number>;
  byOriginator: Record<string, number>;
  byStatus: Record<string, number>;
}

export async function registryStats(db: DbOrTx): Promise<RegistryStats> {
  const grouped = async (key: SQL) => {
    const rows = await db
      .select({ key: sql<string>`${key}`, n: count() })
      .from(entities)
      .groupBy(key)
      .orderBy(key);
    return Object.fromEntries(rows.map((r) => [r.key, r.n]));
  };
  const datasetRows = await db
    .select({ key: sql<string>`d`, n: count() })
    .from(sql`${entities} cross join jsonb_array_elements_text(${entities.datasets}) as d`)
    .groupBy(sql`d`)
    .orderBy(sql`d`);
  const bySchema = await grouped(sql`${entities.schema}`);
  return {
    total: Object.values(bySchema).reduce((sum, n) => sum + n, 0),
    byDataset: Object.fromEntries(datasetRows.map((r) => [r.key, r.n])),
    bySchema,
    byOriginator: await grouped(sql`${entities.originator}`),
    byStatus: await grouped(sql`${entities.status}`),
  };
}
