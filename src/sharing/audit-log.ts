/**
 * The audit log in the store: appends are serialised by locking the head row, so each entry follows the
 * one before; verify reads the rows in seq order and checks the end against the head, so a deleted newest
 * entry is caught as well as a changed, deleted or reordered one.
 */
import { asc, desc, eq, gt, sql } from "drizzle-orm";
import type { DbOrTx, Tx } from "../platform/db.ts";
import {
  type AuditEntry,
  type ChainVerdict,
  chainEntry,
  type JsonObject,
  type JsonValue,
  verifyChain,
} from "./audit-chain.ts";
import { auditHead, auditLog } from "./schema.ts";
import type { Actor } from "./types.ts";

const HEAD_ID = 1;
const VERIFY_PAGE = 5000;

/** Entry ids follow from seq, so a verdict can name an entry that was deleted from the end. */
export function auditIdFor(seq: number): string {
  return `aud_${String(seq).padStart(12, "0")}`;
}

/** The body of an entry: who, when, what; `fields` add purpose, subject, decision and the like. */
export function auditBody(actor: Actor, at: Date, action: string, fields: JsonObject = {}): JsonObject {
  return {
    at: at.toISOString(),
    actor: { agencyId: actor.agencyId, userId: actor.userId },
    action,
    ...fields,
  };
}

/** Appends one entry inside the caller's transaction, so the entry and the change it records commit together. */
export async function appendAudit(tx: Tx, body: JsonObject): Promise<AuditEntry> {
  await tx.insert(auditHead).values({ id: HEAD_ID, seq: 0, hash: "" }).onConflictDoNothing();
  const [head] = await tx.select().from(auditHead).where(eq(auditHead.id, HEAD_ID)).for("update");
  if (!head) throw new Error("audit head row missing after insert");
  // chainEntry reads only the predecessor's seq and hash.
  const prev =
    head.seq === 0
      ? null
      : { id: auditIdFor(head.seq), seq: head.seq, prevHash: "", hash: head.hash, body: {} };
  const entry = chainEntry(prev, body, auditIdFor(head.seq + 1));
  await tx.insert(auditLog).values(entry);
  await tx.update(auditHead).set({ seq: entry.seq, hash: entry.hash }).where(eq(auditHead.id, HEAD_ID));
  return entry;
}

/** `{ok:true, entries}` or the first entry that does not follow, including entries missing from the end. */
export async function verifyAuditLog(db: DbOrTx): Promise<ChainVerdict> {
  const [head] = await db.select().from(auditHead).where(eq(auditHead.id, HEAD_ID));
  const entries: AuditEntry[] = [];
  let after = -1;
  for (;;) {
    const rows = await db
      .select()
      .from(auditLog)
      .where(gt(auditLog.seq, after))
      .orderBy(asc(auditLog.seq))
      .limit(VERIFY_PAGE);
    entries.push(...rows.map(toEntry));
    const last = rows.at(-1);
    if (!last || rows.length < VERIFY_PAGE) break;
    after = last.seq;
  }
  const verdict = verifyChain(entries);
  if (!verdict.ok) return verdict;
  const headSeq = head?.seq ?? 0;
  const last = entries.at(-1);
  if (entries.length < headSeq) return { ok: false, firstBrokenAt: auditIdFor(entries.length + 1) };
  if (entries.length > headSeq) return { ok: false, firstBrokenAt: auditIdFor(headSeq + 1) };
  if (last && last.hash !== head?.hash) return { ok: false, firstBrokenAt: last.id };
  return verdict;
}

/** The newest entries, newest last; `afterSeq` pages forward from a known point. */
export async function tailAudit(
  db: DbOrTx,
  options: { limit: number; afterSeq?: number },
): Promise<AuditEntry[]> {
  if (options.afterSeq !== undefined) {
    const rows = await db
      .select()
      .from(auditLog)
      .where(gt(auditLog.seq, options.afterSeq))
      .orderBy(asc(auditLog.seq))
      .limit(options.limit);
    return rows.map(toEntry);
  }
  const rows = await db.select().from(auditLog).orderBy(desc(auditLog.seq)).limit(options.limit);
  return rows.map(toEntry).reverse();
}

/** Entries whose body contains `fragment` (jsonb containment), e.g. every entry about one record. */
export async function findAudit(db: DbOrTx, fragment: { [key: string]: JsonValue }): Promise<AuditEntry[]> {
  const rows = await db
    .select()
    .from(auditLog)
    .where(sql`${auditLog.body} @> ${JSON.stringify(fragment)}::jsonb`)
    .orderBy(asc(auditLog.seq));
  return rows.map(toEntry);
}

function toEntry(row: typeof auditLog.$inferSelect): AuditEntry {
  return { id: row.id, seq: Number(row.seq), prevHash: row.prevHash, hash: row.hash, body: row.body };
}
