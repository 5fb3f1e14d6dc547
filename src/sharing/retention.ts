/**
 * Retention: records past their review date wait in their originator's review queue; records past their
 * retention date are deleted with their history, leaving a tombstone and an audit entry that name the
 * record's id, schema and originator but none of its personal data.
 */
import { and, asc, eq, lte } from "drizzle-orm";
import type { Db, DbOrTx } from "../platform/db.ts";
import { entities } from "../registry/schema.ts";
import { deleteEntities } from "../registry/writes.ts";
import { appendAudit, auditBody } from "./audit-log.ts";
import type { SharingContext } from "./context.ts";
import { tombstones } from "./schema.ts";

export interface ReviewItem {
  id: string;
  schema: string;
  caption: string;
  status: string;
  reviewBy: string;
}

export interface RetentionRun {
  deleted: number;
  /** Records past their review date, all originators. */
  reviewDue: number;
}

/** Deletions per transaction: each batch commits whole with its tombstones and audit entries. */
const BATCH = 500;

/** The originator's records whose review date has passed, oldest first. */
export async function reviewQueue(db: DbOrTx, originator: string, now: Date): Promise<ReviewItem[]> {
  const rows = await db
    .select({
      id: entities.id,
      schema: entities.schema,
      caption: entities.caption,
      status: entities.status,
      reviewBy: entities.reviewBy,
    })
    .from(entities)
    .where(and(eq(entities.originator, originator), lte(entities.reviewBy, now.toISOString())))
    .orderBy(asc(entities.reviewBy), asc(entities.id));
  return rows.map((r) => ({ ...r, reviewBy: new Date(r.reviewBy ?? 0).toISOString() }));
}

/** Deletes every record past its retention date (in batches) and counts the records due for review. */
export async function runRetention(db: Db, context: SharingContext): Promise<RetentionRun> {
  const now = context.clock.now();
  let deleted = 0;
  for (;;) {
    const done = await db.transaction(async (tx) => {
      const due = await tx
        .select({
          id: entities.id,
          schema: entities.schema,
          originator: entities.originator,
          retainUntil: entities.retainUntil,
        })
        .from(entities)
        .where(lte(entities.retainUntil, now.toISOString()))
        .orderBy(asc(entities.id))
        .limit(BATCH)
        .for("update");
      for (const record of due) {
        const retainUntil = new Date(record.retainUntil ?? 0).toISOString();
        const entry = await appendAudit(
          tx,
          auditBody(context.actor, now, "record.delete", {
            subject: record.id,
            schema: record.schema,
            originator: record.originator,
            retainUntil,
            rule: "retainUntil passed",
          }),
        );
        await tx.insert(tombstones).values({
          entityId: record.id,
          originator: record.originator,
          schema: record.schema,
          retainUntil,
          deletedAt: now.toISOString(),
          auditId: entry.id,
        });
      }
      const ids = due.map((r) => r.id);
      await deleteEntities(tx, ids);
      return ids.length;
    });
    deleted += done;
    if (done < BATCH) break;
  }
  const reviewDue = await db.$count(entities, lte(entities.reviewBy, now.toISOString()));
  return { deleted, reviewDue };
}

export interface Tombstone {
  entityId: string;
  originator: string;
  schema: string;
  retainUntil: string;
  deletedAt: string;
  auditId: string;
}

export async function listTombstones(db: DbOrTx, originator?: string): Promise<Tombstone[]> {
  const rows = await db
    .select()
    .from(tombstones)
    .where(originator ? eq(tombstones.originator, originator) : undefined)
    .orderBy(asc(tombstones.deletedAt));
  return rows.map((r) => ({
    ...r,
    retainUntil: new Date(r.retainUntil).toISOString(),
    deletedAt: new Date(r.deletedAt).toISOString(),
  }));
}
