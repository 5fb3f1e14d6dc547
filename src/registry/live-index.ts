import { and, eq, inArray, or, sql } from "drizzle-orm";
import { MatchIndex } from "../matching/index.ts";
import { profileFromEntities } from "../matching/profile.ts";
import type { FtmEntity } from "../model/entity.ts";
import type { DbOrTx, Store } from "../platform/db.ts";
import { logger } from "../platform/logging.ts";
import { ENTITY_CHANNEL, parseEntityNotice } from "./notify.ts";
import { toFtmEntity, toRegistryEntity } from "./rows.ts";
import { entities } from "./schema.ts";

/** FtM schemata that describe a holder's documents: they join their holder's match profile. */
const DOCUMENT_SCHEMATA = ["Passport", "Identification"];

/** The registry's active entities as FtM, optionally only some subjects and the documents they hold. */
export async function loadActiveEntities(db: DbOrTx, subjectIds?: string[]): Promise<FtmEntity[]> {
  const active = eq(entities.status, "active");
  const where = subjectIds
    ? and(
        active,
        or(
          inArray(entities.id, subjectIds),
          and(
            inArray(entities.schema, DOCUMENT_SCHEMATA),
            sql`${entities.properties} -> 'holder' ?| array(select jsonb_array_elements_text(${JSON.stringify(subjectIds)}::jsonb))`,
          ),
        ),
      )
    : active;
  const rows = await db.select().from(entities).where(where);
  return rows.map((row) => toFtmEntity(toRegistryEntity(row)));
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
