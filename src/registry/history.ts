import { and, asc, eq } from "drizzle-orm";
import type { RegistryEntity } from "../model/entity.ts";
import type { DbOrTx } from "../platform/db.ts";
import { FtfxError, notFound } from "../platform/errors.ts";
import { type Change, isoTime, readVersionState, toRegistryEntity, type VersionState } from "./rows.ts";
import { entities, entityVersions } from "./schema.ts";

export interface PropertyDiff {
  property: string;
  added: string[];
  removed: string[];
}

export interface FieldDiff {
  field: string;
  before: unknown;
  after: unknown;
}

export interface EntityVersion {
  version: number;
  change: Change;
  actor: string;
  importId?: string;
  at: string;
  /** What differs from the previous version; for version 1 everything is "added". */
  properties: PropertyDiff[];
  fields: FieldDiff[];
  state: VersionState;
}

/** Who changed what and when: every version of an entity, oldest first, each with its diff. */
export async function entityHistory(db: DbOrTx, id: string): Promise<EntityVersion[]> {
  // One statement, so the versions and the current row are read from the same snapshot.
  const rows = await db
    .select({ row: entityVersions, current: entities })
    .from(entityVersions)
    .leftJoin(
      entities,
      and(eq(entities.id, entityVersions.entityId), eq(entities.version, entityVersions.version)),
    )
    .where(eq(entityVersions.entityId, id))
    .orderBy(asc(entityVersions.version));
  if (rows.length === 0) throw notFound(`no entity with id ${id}`);
  let previous: VersionState | undefined;
  return rows.map(({ row, current }) => {
    // The current version keeps no copy of its state: the entity row is it (see writes.ts).
    let state: VersionState;
    if (row.state) state = readVersionState(row.state);
    else if (current) state = currentState(toRegistryEntity(current));
    else throw new FtfxError("internal", `version ${row.version} of ${id} has no state and is not current`);
    const version: EntityVersion = {
      version: row.version,
      change: row.change as Change,
      actor: row.actor,
      at: isoTime(row.at),
      ...diffStates(previous, state),
      state,
    };
    if (row.importId) version.importId = row.importId;
    previous = state;
    return version;
  });
}

function currentState(entity: RegistryEntity): VersionState {
  const { id: _id, lastSeen: _lastSeen, version: _version, ...state } = entity;
  return state;
}

/** Property values added and removed, and every other field whose value changed. */
function diffStates(
  before: VersionState | undefined,
  after: VersionState,
): { properties: PropertyDiff[]; fields: FieldDiff[] } {
  const oldProps = before?.properties ?? {};
  const names = [...new Set([...Object.keys(oldProps), ...Object.keys(after.properties)])].sort();
  const properties = names.flatMap((property) => {
    const was = oldProps[property] ?? [];
    const now = after.properties[property] ?? [];
    const added = now.filter((v) => !was.includes(v));
    const removed = was.filter((v) => !now.includes(v));
    return added.length || removed.length ? [{ property, added, removed }] : [];
  });
  const fields: FieldDiff[] = [];
  if (before) {
    const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
    for (const field of [...keys].filter((k) => k !== "properties").sort()) {
      const was = before[field as keyof VersionState];
      const now = after[field as keyof VersionState];
      if (JSON.stringify(was) !== JSON.stringify(now)) fields.push({ field, before: was, after: now });
    }
  }
  return { properties, fields };
}
