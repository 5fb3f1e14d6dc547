import { eq } from "drizzle-orm";
import {
  type EntityStatus,
  type Handling,
  isHandling,
  type Properties,
  type RegistryEntity,
} from "../model/entity.ts";
import { captionOf, validateEntity } from "../model/schema.ts";
import { type Clock, systemClock } from "../platform/clock.ts";
import type { Db } from "../platform/db.ts";
import { badInput, notFound } from "../platform/errors.ts";
import { type Change, cleanProperties, contentHash, type EntityRow, toRegistryEntity } from "./rows.ts";
import { entities } from "./schema.ts";
import { writeEntities } from "./writes.ts";

/** Who makes a change; every change is a version carrying this actor. */
export interface ChangeContext {
  actor: string;
  clock?: Clock;
}

export interface EntityPatch {
  /** Replaces the entity's properties as a whole. */
  properties?: Properties;
  handling?: Handling;
  originator?: string;
  /** ISO 8601 date or time; null clears it. */
  reviewBy?: string | null;
  retainUntil?: string | null;
}

const CHANGE_BY_STATUS: Record<EntityStatus, Change> = {
  active: "reinstated",
  delisted: "delisted",
  withdrawn: "withdrawn",
};

/** Withdraws, delists or reinstates an entity, keeping its history; a no-op when the status is already set. */
export async function setEntityStatus(
  db: Db,
  id: string,
  status: EntityStatus,
  context: ChangeContext,
): Promise<RegistryEntity> {
  return changeEntity(db, id, context, CHANGE_BY_STATUS[status], (row) => ({ ...row, status }));
}

/** Changes properties, handling, originator or review and retention dates, as a new version. */
export async function updateEntity(
  db: Db,
  id: string,
  patch: EntityPatch,
  context: ChangeContext,
): Promise<RegistryEntity> {
  if (patch.handling !== undefined && !isHandling(patch.handling)) {
    throw badInput(`unknown handling code "${patch.handling}"`, "handling");
  }
  return changeEntity(db, id, context, "updated", (row) => {
    const next: EntityRow = { ...row };
    if (patch.properties) {
      const entity = {
        id,
        schema: row.schema,
        properties: cleanProperties(patch.properties),
        datasets: row.datasets,
      };
      validateEntity(entity, "properties");
      next.properties = entity.properties;
      next.caption = captionOf(entity);
      next.contentHash = contentHash({ ...entity, listRef: row.listRef ?? undefined });
    }
    if (patch.handling) next.handling = patch.handling;
    if (patch.originator) next.originator = patch.originator;
    if (patch.reviewBy !== undefined) next.reviewBy = optionalDate(patch.reviewBy, "reviewBy");
    if (patch.retainUntil !== undefined) next.retainUntil = optionalDate(patch.retainUntil, "retainUntil");
    return next;
  });
}

async function changeEntity(
  db: Db,
  id: string,
  context: ChangeContext,
  change: Change,
  mutate: (row: EntityRow) => EntityRow,
): Promise<RegistryEntity> {
  if (!context.actor) throw badInput("a change needs an actor", "actor");
  const at = (context.clock ?? systemClock).now().toISOString();
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(entities).where(eq(entities.id, id)).for("update");
    if (!row) throw notFound(`no entity with id ${id}`);
    const current = toRegistryEntity(row);
    const next = mutate(row);
    if (JSON.stringify(toRegistryEntity(next)) === JSON.stringify(current)) return current;
    const written = { ...next, version: row.version + 1 };
    await writeEntities(tx, [{ row: written, change }], { actor: context.actor, importId: null, at });
    return toRegistryEntity(written);
  });
}

function optionalDate(value: string | null, field: string): string | null {
  if (value === null) return null;
  const time = Date.parse(value);
  if (Number.isNaN(time)) throw badInput(`not a date: "${value}"`, field);
  return new Date(time).toISOString();
}
