import type { EntityStatus, FtmEntity, Handling, Properties, RegistryEntity } from "../model/entity.ts";
import { sha256Hex } from "../platform/ids.ts";
import type { entities } from "./schema.ts";

export type EntityRow = typeof entities.$inferSelect;

/** What changed in a version; imports make created/updated/delisted/relisted, people the rest. */
export type Change = "created" | "updated" | "delisted" | "relisted" | "withdrawn" | "reinstated";

/**
 * The full state a version row keeps: everything about the entity except the bookkeeping that moves on
 * every sighting (lastSeen) or is the version itself.
 */
export type VersionState = Omit<RegistryEntity, "id" | "lastSeen" | "version">;

/**
 * The content hash decides whether a new edition changed an entity: what the source says (schema,
 * properties, list reference, datasets), independent of property and value order.
 */
export function contentHash(entity: FtmEntity): string {
  const properties = Object.keys(entity.properties)
    .filter((name) => (entity.properties[name]?.length ?? 0) > 0)
    .sort()
    .map((name) => [name, [...(entity.properties[name] ?? [])].sort()]);
  const datasets = [...(entity.datasets ?? [])].sort();
  return sha256Hex(JSON.stringify([entity.schema, properties, entity.listRef ?? null, datasets]));
}

/** Properties without empty value lists, so stored and exported entities carry only what has values. */
export function cleanProperties(properties: Properties): Properties {
  const clean: Properties = {};
  for (const [name, values] of Object.entries(properties)) if (values.length > 0) clean[name] = values;
  return clean;
}

/** Timestamps read back as ISO 8601 in UTC on both PGlite and PostgreSQL. */
export function isoTime(value: string | Date): string {
  return new Date(value).toISOString();
}

function optionalIso(value: string | null): string | undefined {
  return value === null ? undefined : isoTime(value);
}

export function toRegistryEntity(row: EntityRow): RegistryEntity {
  const entity: RegistryEntity = {
    id: row.id,
    schema: row.schema,
    caption: row.caption,
    properties: row.properties,
    originator: row.originator,
    datasets: row.datasets,
    handling: row.handling as Handling,
    status: row.status as EntityStatus,
    firstSeen: isoTime(row.firstSeen),
    lastSeen: isoTime(row.lastSeen),
    version: row.version,
  };
  if (row.listRef !== null) entity.listRef = row.listRef;
  const reviewBy = optionalIso(row.reviewBy);
  if (reviewBy) entity.reviewBy = reviewBy;
  const retainUntil = optionalIso(row.retainUntil);
  if (retainUntil) entity.retainUntil = retainUntil;
  return entity;
}

/** A version's stored state (written by SQL in writes.ts) read back with ISO timestamps and no nulls. */
export function readVersionState(stored: Record<string, unknown>): VersionState {
  const state: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(stored)) {
    if (value === null || value === undefined) continue;
    state[key] = TIME_FIELDS.has(key) ? isoTime(value as string) : value;
  }
  return state as unknown as VersionState;
}

const TIME_FIELDS = new Set(["firstSeen", "reviewBy", "retainUntil"]);

/** The FtM view of a registry entity, as export writes it. */
export function toFtmEntity(entity: RegistryEntity): FtmEntity {
  const ftm: FtmEntity = {
    id: entity.id,
    schema: entity.schema,
    properties: entity.properties,
    datasets: entity.datasets,
  };
  if (entity.listRef !== undefined) ftm.listRef = entity.listRef;
  return ftm;
}
