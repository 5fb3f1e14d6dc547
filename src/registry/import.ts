import { and, eq } from "drizzle-orm";
import { DEFAULT_HANDLING, type FtmEntity, type Handling } from "../model/entity.ts";
import { captionOf, validateEntity } from "../model/schema.ts";
import { type Clock, systemClock } from "../platform/clock.ts";
import type { Db, Tx } from "../platform/db.ts";
import { badInput } from "../platform/errors.ts";
import { newId } from "../platform/ids.ts";
import { cleanProperties, contentHash, type EntityRow } from "./rows.ts";
import { entities, entityVersions, imports } from "./schema.ts";
import { type ChangedRow, inIdList, writeEntities } from "./writes.ts";

export interface ImportInput {
  /** The kind of source, e.g. `un`, `ofac`, `ftm`, `csv`. */
  source: string;
  /** The list this file is an edition of; entities of the same source and dataset missing from it are delisted. */
  dataset: string;
  file: string;
  actor: string;
  entities: FtmEntity[];
  /** Agency id for new entities (default `local`). */
  originator?: string;
  /** TLP handling for new entities (default AMBER); existing entities keep theirs. */
  handling?: Handling;
  onProgress?: (done: number, total: number) => void;
  clock?: Clock;
}

export interface ImportCounts {
  added: number;
  updated: number;
  unchanged: number;
  delisted: number;
}

export interface ImportResult extends ImportCounts {
  importId: string;
}

interface Prepared {
  entity: FtmEntity;
  hash: string;
}

/** What an import needs to know about an entity already in the store (no properties: those are big). */
type Known = Pick<
  EntityRow,
  | "id"
  | "contentHash"
  | "status"
  | "version"
  | "originator"
  | "handling"
  | "firstSeen"
  | "reviewBy"
  | "retainUntil"
>;

const CHUNK = 2000;
const LOOKUP_CHUNK = 20000;

/**
 * Imports one edition of a list in one transaction: new entities are created, changed ones get a new
 * version, unchanged ones are only marked as seen, and active entities this source and dataset brought in
 * before but that are missing now are delisted. Nothing is deleted; re-running the same edition changes
 * nothing. Every entity is validated before anything is written.
 */
export async function importEntities(db: Db, input: ImportInput): Promise<ImportResult> {
  const prepared = prepare(input);
  const importId = newId("imp");
  const at = (input.clock ?? systemClock).now().toISOString();
  return db.transaction(async (tx) => {
    const known = await loadKnown(
      tx,
      prepared.map((p) => p.entity.id),
    );
    const counts: ImportCounts = { added: 0, updated: 0, unchanged: 0, delisted: 0 };
    for (let start = 0; start < prepared.length; start += CHUNK) {
      const changed: ChangedRow[] = [];
      const seen: string[] = [];
      for (const item of prepared.slice(start, start + CHUNK)) {
        const before = known.get(item.entity.id);
        if (before && before.contentHash === item.hash && before.status !== "delisted") {
          seen.push(item.entity.id);
          counts.unchanged++;
          continue;
        }
        const change = !before ? "created" : before.status === "delisted" ? "relisted" : "updated";
        changed.push({ row: entityRow(item, before, input, at), change });
        if (before) counts.updated++;
        else counts.added++;
      }
      await writeEntities(tx, changed, { actor: input.actor, importId, at });
      await markSeen(tx, seen, at);
      input.onProgress?.(Math.min(start + CHUNK, prepared.length), prepared.length);
    }
    counts.delisted = await delistMissing(tx, input, prepared, importId, at);
    await tx.insert(imports).values({
      id: importId,
      source: input.source,
      dataset: input.dataset,
      file: input.file,
      actor: input.actor,
      at,
      ...counts,
    });
    return { ...counts, importId };
  });
}

/** Validation and hashing of the whole batch before the transaction writes anything. */
function prepare(input: ImportInput): Prepared[] {
  if (!input.actor) throw badInput("an import needs an actor", "actor");
  const ids = new Set<string>();
  return input.entities.map((entity, index) => {
    const where = `${input.file} entity ${index + 1}`;
    validateEntity(entity, where);
    if (ids.has(entity.id)) throw badInput(`duplicate entity id ${entity.id}`, where);
    ids.add(entity.id);
    const datasets = entity.datasets?.length ? entity.datasets : [input.dataset];
    const normal: FtmEntity = { ...entity, properties: cleanProperties(entity.properties), datasets };
    return { entity: normal, hash: contentHash(normal) };
  });
}

async function loadKnown(tx: Tx, ids: string[]): Promise<Map<string, Known>> {
  const known = new Map<string, Known>();
  for (let start = 0; start < ids.length; start += LOOKUP_CHUNK) {
    const rows = await tx
      .select({
        id: entities.id,
        contentHash: entities.contentHash,
        status: entities.status,
        version: entities.version,
        originator: entities.originator,
        handling: entities.handling,
        firstSeen: entities.firstSeen,
        reviewBy: entities.reviewBy,
        retainUntil: entities.retainUntil,
      })
      .from(entities)
      .where(inIdList(ids.slice(start, start + LOOKUP_CHUNK)));
    for (const row of rows) known.set(row.id, row);
  }
  return known;
}

/** A new or changed entity's row; provenance and review dates of an existing entity are kept. */
function entityRow(
  { entity, hash }: Prepared,
  before: Known | undefined,
  input: ImportInput,
  at: string,
): EntityRow {
  return {
    id: entity.id,
    schema: entity.schema,
    caption: captionOf(entity),
    properties: entity.properties,
    datasets: entity.datasets ?? [input.dataset],
    listRef: entity.listRef ?? null,
    contentHash: hash,
    lastSeen: at,
    originator: before?.originator ?? input.originator ?? "local",
    handling: before?.handling ?? input.handling ?? DEFAULT_HANDLING,
    // A withdrawal is an agency's decision that a new edition of a list does not undo.
    status: before?.status === "withdrawn" ? "withdrawn" : "active",
    version: (before?.version ?? 0) + 1,
    firstSeen: before?.firstSeen ?? at,
    reviewBy: before?.reviewBy ?? null,
    retainUntil: before?.retainUntil ?? null,
  };
}

async function markSeen(tx: Tx, ids: string[], at: string): Promise<void> {
  for (let start = 0; start < ids.length; start += LOOKUP_CHUNK) {
    await tx
      .update(entities)
      .set({ lastSeen: at })
      .where(inIdList(ids.slice(start, start + LOOKUP_CHUNK)));
  }
}

/**
 * Entities are members of a list when an earlier import of the same source and dataset wrote a version of
 * them; the active members this edition no longer carries are delisted, with a version that keeps history.
 */
async function delistMissing(
  tx: Tx,
  input: ImportInput,
  prepared: Prepared[],
  importId: string,
  at: string,
): Promise<number> {
  const inEdition = new Set(prepared.map((p) => p.entity.id));
  const members = await tx
    .selectDistinct({ id: entityVersions.entityId })
    .from(entityVersions)
    .innerJoin(imports, eq(imports.id, entityVersions.importId))
    .innerJoin(entities, eq(entities.id, entityVersions.entityId))
    .where(
      and(
        eq(imports.source, input.source),
        eq(imports.dataset, input.dataset),
        eq(entities.status, "active"),
      ),
    );
  const missing = members.map((m) => m.id).filter((id) => !inEdition.has(id));
  let delisted = 0;
  for (let start = 0; start < missing.length; start += LOOKUP_CHUNK) {
    const current = await tx
      .select()
      .from(entities)
      .where(inIdList(missing.slice(start, start + LOOKUP_CHUNK)));
    const changed = current.map((row) => ({
      row: { ...row, status: "delisted", version: row.version + 1 },
      change: "delisted" as const,
    }));
    await writeEntities(tx, changed, { actor: input.actor, importId, at });
    delisted += changed.length;
  }
  return delisted;
}
