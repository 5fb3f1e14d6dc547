/**
 * The audit log in the store: appends are serialised by locking the head row, so each entry follows the
 * one before; verify reads the rows in seq order and checks the end against the head, so a deleted newest
 * entry is caught as well as a changed, deleted or reordered one.
 */
import { asc, desc, eq, gt, sql } from "drizzle-orm";
import type { Db, DbOrTx, Tx } from "../platform/db.ts";
import { joinNextBatch } from "../platform/next-batch.ts";
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
  const [entry] = await appendAuditEntries(tx, [body]);
  if (!entry) throw new Error("audit append wrote nothing");
  return entry;
}

/** The newest entry's place in the chain: what the next entry follows from. */
interface Head {
  seq: number;
  hash: string;
}

/** Entries that follow `head` in order (seq and hash are all chainEntry reads of a predecessor). */
function chainAfter(head: Head, bodies: readonly JsonObject[]): AuditEntry[] {
  let prev: AuditEntry | null =
    head.seq === 0
      ? null
      : { id: auditIdFor(head.seq), seq: head.seq, prevHash: "", hash: head.hash, body: {} };
  return bodies.map((body) => {
    const entry = chainEntry(prev, body, auditIdFor((prev?.seq ?? 0) + 1));
    prev = entry;
    return entry;
  });
}

/** Appends entries in order with one lock of the head, one insert and one head update. */
async function appendAuditEntries(tx: Tx, bodies: readonly JsonObject[]): Promise<AuditEntry[]> {
  const entries = chainAfter(await lockHead(tx), bodies);
  const last = entries.at(-1);
  if (!last) return entries;
  await tx.insert(auditLog).values(entries);
  await tx.update(auditHead).set({ seq: last.seq, hash: last.hash }).where(eq(auditHead.id, HEAD_ID));
  return entries;
}

/**
 * Appends entries after `head` in one statement, which moves the head only if it is still `head` and
 * inserts the entries only if it moved: null, with nothing written, when another writer (another server
 * process, a CLI) appended meanwhile. A writer that changes the head first holds its row until it commits,
 * and this statement then sees the head it left.
 */
async function appendIfHeadIs(
  db: Db,
  head: Head,
  bodies: readonly JsonObject[],
): Promise<AuditEntry[] | null> {
  const entries = chainAfter(head, bodies);
  const last = entries.at(-1);
  if (!last) return entries;
  const result = await db.execute(sql`
    with moved as (
      update ${auditHead} set seq = ${last.seq}, hash = ${last.hash}
      where ${auditHead.id} = ${HEAD_ID} and ${auditHead.seq} = ${head.seq} and ${auditHead.hash} = ${head.hash}
      returning 1
    )
    insert into ${auditLog} (id, seq, prev_hash, hash, body)
    select x.id, x.seq, x."prevHash", x.hash, x.body
    from moved, jsonb_to_recordset(${JSON.stringify(entries)}::jsonb)
      as x(id text, seq bigint, "prevHash" text, hash text, body jsonb)
    returning 1`);
  // Both drivers answer with the returned rows under `rows`.
  const written = (result as unknown as { rows: unknown[] }).rows.length;
  return written === entries.length ? entries : null;
}

/** Locks the head row, creating it on the first append (one statement on every later append). */
async function lockHead(tx: Tx): Promise<typeof auditHead.$inferSelect> {
  const lock = () => tx.select().from(auditHead).where(eq(auditHead.id, HEAD_ID)).for("update");
  const [head] = await lock();
  if (head) return head;
  await tx.insert(auditHead).values({ id: HEAD_ID, seq: 0, hash: "" }).onConflictDoNothing();
  const [created] = await lock();
  if (!created) throw new Error("audit head row missing after insert");
  return created;
}

/** Writes that must commit together with an audit entry, e.g. the notifications a screening causes. */
export type AlongsideWrites = (tx: Tx) => Promise<void>;

interface Pending {
  body: JsonObject;
  alongside: AlongsideWrites | undefined;
  resolve: (entry: AuditEntry) => void;
  reject: (error: unknown) => void;
}

/** Entries per grouped transaction. */
const MAX_GROUP = 200;
const queues = new WeakMap<Db, Pending[]>();
/** The head as this process's last grouped append left it: the next group assumes it (see writeGroup). */
const knownHeads = new WeakMap<Db, Head>();

/**
 * Appends from the busy paths (every screening and read of another agency's record), grouped: calls made
 * in one turn of the event loop, or arriving while a group is being written, go into the next group,
 * which is written with one statement (or one lock of the head, see writeGroup) for all of them. Each
 * entry commits with its own alongside writes. Without grouping every call would wait for the head lock
 * in turn, capping a server at a few hundred calls per second.
 */
export function appendAuditGrouped(
  db: Db,
  body: JsonObject,
  alongside?: AlongsideWrites,
): Promise<AuditEntry> {
  return new Promise((resolve, reject) =>
    joinNextBatch(queues, db, { body, alongside, resolve, reject }, MAX_GROUP, writeGroupOrEach),
  );
}

/** Writes one group; if it fails, its members one by one, so one bad call cannot fail the others. */
async function writeGroupOrEach(db: Db, group: Pending[]): Promise<void> {
  try {
    await writeGroup(db, group);
  } catch {
    for (const item of group) await writeGroup(db, [item]).catch(item.reject);
  }
}

/**
 * Writes one group. A group with no alongside writes (most screenings) is one statement that assumes the
 * head this process last left; when another writer moved it, or the group has alongside writes, it is a
 * transaction that locks the head. Either way the entries follow the head they were chained to.
 */
async function writeGroup(db: Db, group: readonly Pending[]): Promise<void> {
  const bodies = group.map((item) => item.body);
  // Forgotten until this group is written: after a failure the next group locks the head.
  const known = knownHeads.get(db);
  knownHeads.delete(db);
  const entries =
    (known && group.every((item) => !item.alongside) ? await appendIfHeadIs(db, known, bodies) : null) ??
    (await db.transaction(async (tx) => {
      for (const item of group) await item.alongside?.(tx);
      return appendAuditEntries(tx, bodies);
    }));
  const last = entries.at(-1);
  if (last) knownHeads.set(db, { seq: last.seq, hash: last.hash });
  group.forEach((item, i) => {
    const entry = entries[i];
    if (entry) item.resolve(entry);
  });
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
