/**
 * Follow-up requests: a recipient of a hit quotes the reference it was shown and asks for more; the
 * originator approves (raising disclosure for that record and requester only, until an expiry) or denies.
 */
import { and, desc, eq, or } from "drizzle-orm";
import type { Db, DbOrTx } from "../platform/db.ts";
import { badInput, FtfxError, notFound } from "../platform/errors.ts";
import { newId } from "../platform/ids.ts";
import { findEntity } from "../registry/queries.ts";
import { appendAudit, auditBody } from "./audit-log.ts";
import type { SharingContext } from "./context.ts";
import { isoInstant } from "./dates.ts";
import { notify } from "./notifications.ts";
import { disclosures, followUpRequests } from "./schema.ts";
import { type Disclosure, type Purpose, parseDisclosure, parsePurpose } from "./types.ts";

export interface FollowUpInput {
  reference: string;
  purpose: string;
  /** The disclosure asked for (summary or full). */
  level: string;
  reason: string;
}

export interface FollowUp {
  id: string;
  reference: string;
  originator: string;
  requester: string;
  purpose: Purpose;
  level: Disclosure;
  reason: string;
  status: "pending" | "approved" | "denied";
  createdAt: string;
  decidedAt?: string;
  expires?: string;
  /** Only the originator sees its own record's id. */
  entityId?: string;
}

/** Default lifetime of an approval. */
const GRANT_DAYS = 30;

export async function requestFollowUp(
  db: Db,
  input: FollowUpInput,
  context: SharingContext,
): Promise<FollowUp> {
  const { actor } = context;
  const purpose = parsePurpose(input.purpose, "purpose");
  const level = parseDisclosure(input.level, "level");
  if (level === "hit-no-hit") throw badInput("a follow-up asks for summary or full", "level");
  if (!input.reason.trim()) throw badInput("a follow-up needs a reason", "reason");
  const now = context.clock.now();
  return db.transaction(async (tx) => {
    const [shown] = await tx
      .select()
      .from(disclosures)
      .where(and(eq(disclosures.reference, input.reference), eq(disclosures.agencyId, actor.agencyId)));
    const record = shown ? await findEntity(tx, shown.entityId) : undefined;
    // Only a reference this agency was shown, of a record still there and not withdrawn; else as unknown.
    if (!shown || !record || record.status === "withdrawn") throw notFound(`no reference ${input.reference}`);
    const row = {
      id: newId("fup"),
      entityId: record.id,
      originator: record.originator,
      requester: actor.agencyId,
      requestedBy: actor.userId,
      purpose,
      level,
      reason: input.reason.trim(),
      status: "pending",
      createdAt: now.toISOString(),
    };
    await tx.insert(followUpRequests).values(row);
    await appendAudit(
      tx,
      auditBody(actor, now, "follow-up.request", { subject: row.id, entityId: record.id, purpose, level }),
    );
    await notify(
      tx,
      record.originator,
      "follow-up-request",
      {
        followUp: row.id,
        entityId: record.id,
        requester: actor.agencyId,
        purpose,
        level,
        reason: row.reason,
      },
      now,
    );
    return toFollowUp(row, shown.reference, actor.agencyId);
  });
}

/** The originator's answer; `expires` defaults to 30 days from now. Only pending requests can be decided. */
export async function decideFollowUp(
  db: Db,
  id: string,
  answer: { approve: boolean; expires?: string },
  context: SharingContext,
): Promise<FollowUp> {
  const { actor } = context;
  const now = context.clock.now();
  const expires = answer.expires
    ? isoInstant(answer.expires, "expires")
    : new Date(now.getTime() + GRANT_DAYS * 86_400_000).toISOString();
  if (answer.approve && expires <= now.toISOString())
    throw badInput(`${answer.expires} is not in the future`, "expires");
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(followUpRequests).where(eq(followUpRequests.id, id)).for("update");
    if (!row || row.originator !== actor.agencyId) throw notFound(`no follow-up request with id ${id}`);
    if (row.status !== "pending")
      throw new FtfxError("conflict", `follow-up request ${id} is already ${row.status}`);
    const decided = {
      ...row,
      status: answer.approve ? "approved" : "denied",
      decidedBy: actor.userId,
      decidedAt: now.toISOString(),
      expires: answer.approve ? expires : null,
    };
    await tx.update(followUpRequests).set(decided).where(eq(followUpRequests.id, id));
    await appendAudit(
      tx,
      auditBody(actor, now, `follow-up.${decided.status === "approved" ? "approve" : "deny"}`, {
        subject: id,
        entityId: row.entityId,
        requester: row.requester,
        level: row.level,
        expires: decided.expires,
      }),
    );
    const reference = await referenceShown(tx, row.entityId, row.requester);
    await notify(
      tx,
      row.requester,
      "follow-up-decision",
      { followUp: id, reference, status: decided.status, level: row.level, expires: decided.expires },
      now,
    );
    return toFollowUp(decided, reference, actor.agencyId);
  });
}

/** Requests the agency made or must answer, newest first. */
export async function listFollowUps(db: DbOrTx, agencyId: string): Promise<FollowUp[]> {
  const rows = await db
    .select({ request: followUpRequests, reference: disclosures.reference })
    .from(followUpRequests)
    .innerJoin(
      disclosures,
      and(
        eq(disclosures.entityId, followUpRequests.entityId),
        eq(disclosures.agencyId, followUpRequests.requester),
      ),
    )
    .where(or(eq(followUpRequests.requester, agencyId), eq(followUpRequests.originator, agencyId)))
    .orderBy(desc(followUpRequests.createdAt));
  return rows.map(({ request, reference }) => toFollowUp(request, reference, agencyId));
}

async function referenceShown(db: DbOrTx, entityId: string, agencyId: string): Promise<string> {
  const [row] = await db
    .select()
    .from(disclosures)
    .where(and(eq(disclosures.entityId, entityId), eq(disclosures.agencyId, agencyId)));
  return row?.reference ?? "";
}

function toFollowUp(row: typeof followUpRequests.$inferInsert, reference: string, viewer: string): FollowUp {
  return {
    id: row.id,
    reference,
    originator: row.originator,
    requester: row.requester,
    purpose: row.purpose as Purpose,
    level: row.level as Disclosure,
    reason: row.reason,
    status: row.status as FollowUp["status"],
    createdAt: new Date(row.createdAt).toISOString(),
    ...(row.decidedAt ? { decidedAt: new Date(row.decidedAt).toISOString() } : {}),
    ...(row.expires ? { expires: new Date(row.expires).toISOString() } : {}),
    ...(viewer === row.originator ? { entityId: row.entityId } : {}),
  };
}
