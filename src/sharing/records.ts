/**
 * Records contributed and controlled by their originator: a keyed agency adds an FtM entity (it becomes the
 * originator) and only it may withdraw the record, after which no one else sees or hits it and the
 * agencies that were shown it are told. Written through the registry's version-keeping functions.
 */
import { eq } from "drizzle-orm";
import {
  DEFAULT_HANDLING,
  type FtmEntity,
  type Handling,
  isHandling,
  type RegistryEntity,
} from "../model/entity.ts";
import { captionOf, validateEntity } from "../model/schema.ts";
import type { Db, Tx } from "../platform/db.ts";
import { badInput, notFound } from "../platform/errors.ts";
import { newId } from "../platform/ids.ts";
import { setEntityStatus, updateEntity } from "../registry/changes.ts";
import { findEntity } from "../registry/queries.ts";
import { cleanProperties, contentHash } from "../registry/rows.ts";
import { writeEntities } from "../registry/writes.ts";
import { appendAudit, auditBody } from "./audit-log.ts";
import type { SharingContext } from "./context.ts";
import { isoInstant } from "./dates.ts";
import { notify } from "./notifications.ts";
import { disclosures } from "./schema.ts";

export interface Contribution {
  schema: string;
  properties: Record<string, string[]>;
  handling?: string;
  datasets?: string[];
  reviewBy?: string;
  retainUntil?: string;
}

/**
 * Adds a record with the actor's agency as originator. The id is always assigned here: accepting a
 * caller's id would let "already exists" reveal other agencies' records.
 */
export async function contributeEntity(
  db: Db,
  input: Contribution,
  context: SharingContext,
): Promise<RegistryEntity> {
  const handling = input.handling ?? DEFAULT_HANDLING;
  if (!isHandling(handling)) throw badInput(`unknown handling code "${handling}"`, "handling");
  const ftm: FtmEntity = {
    id: newId("ent"),
    schema: input.schema,
    properties: cleanProperties(input.properties ?? {}),
    datasets: input.datasets?.length ? input.datasets : [`contributed-${context.actor.agencyId}`],
  };
  validateEntity(ftm, "entity");
  const now = context.clock.now().toISOString();
  const record: RegistryEntity = {
    ...ftm,
    datasets: ftm.datasets ?? [],
    caption: captionOf(ftm),
    originator: context.actor.agencyId,
    handling: handling as Handling,
    status: "active",
    firstSeen: now,
    lastSeen: now,
    version: 1,
    ...(input.reviewBy ? { reviewBy: isoInstant(input.reviewBy, "reviewBy") } : {}),
    ...(input.retainUntil ? { retainUntil: isoInstant(input.retainUntil, "retainUntil") } : {}),
  };
  await db.transaction(async (tx) => {
    const row = {
      ...record,
      listRef: null,
      contentHash: contentHash(ftm),
      reviewBy: record.reviewBy ?? null,
      retainUntil: record.retainUntil ?? null,
    };
    await writeEntities(tx, [{ row, change: "created" }], {
      actor: context.actor.userId,
      importId: null,
      at: now,
    });
    await appendAudit(
      tx,
      auditBody(context.actor, new Date(now), "record.create", {
        subject: record.id,
        schema: record.schema,
        handling,
      }),
    );
  });
  return record;
}

/**
 * Withdraws the actor's own record. Another agency's record, hidden or not, answers as missing, so a
 * withdrawal attempt reveals nothing.
 */
export async function withdrawEntity(db: Db, id: string, context: SharingContext): Promise<RegistryEntity> {
  const now = context.clock.now();
  const current = await findEntity(db, id);
  if (!current || current.originator !== context.actor.agencyId) throw notFound(`no entity with id ${id}`);
  return db.transaction(async (tx) => {
    const withdrawn = await setEntityStatus(asDatabase(tx), id, "withdrawn", {
      actor: context.actor.userId,
      clock: context.clock,
    });
    if (withdrawn.version === current.version) return withdrawn;
    await appendAudit(tx, auditBody(context.actor, now, "record.withdraw", { subject: id }));
    const shownTo = await tx.select().from(disclosures).where(eq(disclosures.entityId, id));
    for (const recipient of shownTo) {
      await notify(
        tx,
        recipient.agencyId,
        "withdrawn",
        { reference: recipient.reference, originator: current.originator, at: now.toISOString() },
        now,
      );
    }
    return withdrawn;
  });
}

/** What an originator may change on its own record; each change is a version and an audit entry. */
export interface OwnRecordPatch {
  properties?: Record<string, string[]>;
  /** Narrowing takes effect for every other agency at once, since every view is decided on read. */
  handling?: string;
  reviewBy?: string | null;
  retainUntil?: string | null;
}

/** Edits the actor's own record; another agency's record answers as missing, as for withdrawal. */
export async function editOwnEntity(
  db: Db,
  id: string,
  patch: OwnRecordPatch,
  context: SharingContext,
): Promise<RegistryEntity> {
  const current = await findEntity(db, id);
  if (!current || current.originator !== context.actor.agencyId) throw notFound(`no entity with id ${id}`);
  if (patch.handling !== undefined && !isHandling(patch.handling)) {
    throw badInput(`unknown handling code "${patch.handling}"`, "handling");
  }
  const { handling, ...rest } = patch;
  return db.transaction(async (tx) => {
    const updated = await updateEntity(
      asDatabase(tx),
      id,
      { ...rest, ...(handling ? { handling: handling as Handling } : {}) },
      {
        actor: context.actor.userId,
        clock: context.clock,
      },
    );
    if (updated.version === current.version) return updated;
    const fields = Object.keys(patch).sort();
    await appendAudit(
      tx,
      auditBody(context.actor, context.clock.now(), "record.edit", {
        subject: id,
        fields,
        handling: updated.handling,
      }),
    );
    return updated;
  });
}

/** A transaction serves where the registry expects a database: the registry's own transaction becomes a savepoint. */
function asDatabase(tx: Tx): Db {
  return tx as unknown as Db;
}
