import { and, eq, inArray } from "drizzle-orm";
import { MatchIndex } from "../matching/index.ts";
import { profileFromEntities } from "../matching/profile.ts";
import type { FtmEntity } from "../model/entity.ts";
import type { DbOrTx, Store } from "../platform/db.ts";
import { logger } from "../platform/logging.ts";
import { ENTITY_CHANNEL, parseEntityNotice } from "./notify.ts";
import { type EntityRow, toFtmEntity, toRegistryEntity } from "./rows.ts";
import { entities, entityRefs } from "./schema.ts";

/** FtM schemata that describe a holder's documents: they join their holder's match profile. */
const DOCUMENT_SCHEMATA = ["Passport", "Identification"];

/** The registry's active entities as FtM, optionally only some subjects and the documents they hold. */
export async function loadActiveEntities(db: DbOrTx, subjectIds?: string[]): Promise<FtmEntity[]> {
  const active = eq(entities.status, "active");
  if (!subjectIds) return (await db.select().from(entities).where(active)).map(asFtm);
  const subjects = await db
    .select()
    .from(entities)
    .where(and(active, inArray(entities.id, subjectIds)));
  // Their documents through entity_refs (holder), without looking at every document's properties.
  const documents = await db
    .select({ entity: entities })
    .from(entityRefs)
    .innerJoin(entities, eq(entities.id, entityRefs.entityId))
    .where(
      and(
        eq(entityRefs.property, "holder"),
        inArray(entityRefs.refId, subjectIds),
        inArray(entities.schema, DOCUMENT_SCHEMATA),
        active,
      ),
    );
  const rows = new Map([...subjects, ...documents.map((d) => d.entity)].map((row) => [row.id, row]));
  return [...rows.values()].map(asFtm);
}

function asFtm(row: EntityRow): FtmEntity {
  return toFtmEntity(toRegistryEntity(row));
}

/** A one-off matching index over the registry (the CLI); server processes keep a LiveMatchIndex instead. */
export async function registryMatchIndex(db: DbOrTx): Promise<MatchIndex> {
  return new MatchIndex(profileFromEntities(await loadActiveEntities(db)));
}

/** The subjects whose profiles a change touches: the entity itself, or a document's holders. */
async function affectedSubjects(db: DbOrTx, ids: string[]): Promise<string[]> {
  const rows = await db
    .select({ id: entities.id, schema: entities.schema, properties: entities.properties })
    .from(entities)
    .where(inArray(entities.id, ids));
  const subjects = new Set(ids);
  for (const row of rows) {
    if (DOCUMENT_SCHEMATA.includes(row.schema)) {
      subjects.delete(row.id);
      for (const holder of row.properties.holder ?? []) subjects.add(holder);
    }
  }
  return [...subjects];
}

/**
 * The matching index of one server process: built from the store's active entities, then kept fresh by
 * the registry's change notices, so a write on any process (or a withdrawal) is seen by every process.
 */
export class LiveMatchIndex {
  private constructor(
    private readonly store: Store,
    public index: MatchIndex,
    private unsubscribe: (() => Promise<void>) | undefined,
    private pending: Promise<void> = Promise.resolve(),
  ) {}

  static async open(store: Store): Promise<LiveMatchIndex> {
    const live = new LiveMatchIndex(store, new MatchIndex(), undefined);
    live.unsubscribe = await store.listen(ENTITY_CHANNEL, (payload) => live.enqueue(payload));
    await live.rebuild();
    return live;
  }

  /** Resolves when every notice received so far has been applied (tests and shutdown wait on it). */
  settled(): Promise<void> {
    return this.pending;
  }

  private enqueue(payload: string): void {
    const notice = parseEntityNotice(payload);
    this.pending = this.pending
      .then(() => (notice === "all" ? this.rebuild() : this.refresh(notice)))
      .catch((error: unknown) => logger.error({ err: error }, "matching index refresh failed"));
  }

  private async rebuild(): Promise<void> {
    this.index = await registryMatchIndex(this.store.db);
  }

  /** Re-reads the changed subjects (with their documents) and updates or removes them in place. */
  async refresh(ids: string[]): Promise<void> {
    const subjects = await affectedSubjects(this.store.db, ids);
    if (subjects.length === 0) return;
    const profiles = profileFromEntities(await loadActiveEntities(this.store.db, subjects));
    const present = new Set(profiles.map((p) => p.entityId));
    for (const profile of profiles) this.index.update(profile);
    for (const id of subjects) if (!present.has(id)) this.index.remove(id);
  }

  async close(): Promise<void> {
    await this.unsubscribe?.();
    this.unsubscribe = undefined;
    await this.pending;
  }
}
