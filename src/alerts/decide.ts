/**
 * Adjudication: an officer confirms, dismisses or escalates an alert. Each decision is a new row in the
 * append-only history, audited with its reason; a dismissal as "not the same person" feeds redress memory.
 */
import { count, eq } from "drizzle-orm";
import type { Db } from "../platform/db.ts";
import { badInput, FtfxError, notFound } from "../platform/errors.ts";
import { newId } from "../platform/ids.ts";
import { appendAudit, auditBody } from "../sharing/audit-log.ts";
import { alertDecisions, alerts, redressClearances } from "./schema.ts";
import { type AlertContext, getAlert } from "./service.ts";
import { type AlertStatus, type AlertWithHistory, type DecisionInput, STATUS_AFTER } from "./types.ts";

/** Open and escalated alerts wait for a decision; confirmed and dismissed ones are final. */
const DECIDABLE: readonly AlertStatus[] = ["open", "escalated"];

export async function decideAlert(
  db: Db,
  id: string,
  input: DecisionInput,
  context: AlertContext,
): Promise<AlertWithHistory> {
  const reason = input.reason.trim();
  if (!reason) throw badInput("a decision needs a reason", "reason");
  const at = context.clock.now().toISOString();
  await db.transaction(async (tx) => {
    const [alert] = await tx.select().from(alerts).where(eq(alerts.id, id)).for("update");
    if (!alert) throw notFound(`no alert ${id}`);
    const from = alert.status as AlertStatus;
    if (!DECIDABLE.includes(from))
      throw new FtfxError("conflict", `alert ${id} is already ${from}; decisions are final`, "decision");
    const to = STATUS_AFTER[input.decision];
    const [{ n } = { n: 0 }] = await tx
      .select({ n: count() })
      .from(alertDecisions)
      .where(eq(alertDecisions.alertId, id));
    const matches = alert.matches as { entityId: string; alert: boolean }[];
    const notSamePerson =
      input.decision === "dismiss" &&
      (input.notSamePerson ?? (alert.kind === "traveller" && matches.length > 0));
    const decisionId = newId("dec");
    const assignee = input.assignee ?? alert.assignee ?? null;
    await tx.insert(alertDecisions).values({
      id: decisionId,
      alertId: id,
      seq: n + 1,
      decision: input.decision,
      fromStatus: from,
      toStatus: to,
      reason,
      notSamePerson,
      assignee,
      actor: context.actor.userId,
      at,
    });
    await tx.update(alerts).set({ status: to, assignee, updatedAt: at }).where(eq(alerts.id, id));
    const evidence = alert.evidence as { fingerprint?: string; records?: Record<string, string> } | null;
    if (notSamePerson && evidence?.fingerprint && evidence.records) {
      const rows = matches
        .filter((m) => evidence.records?.[m.entityId])
        .map((m) => ({
          id: newId("rdr"),
          fingerprint: evidence.fingerprint as string,
          entityId: m.entityId,
          recordHash: evidence.records?.[m.entityId] as string,
          alertId: id,
          decisionId,
          actor: context.actor.userId,
          at,
        }));
      if (rows.length) await tx.insert(redressClearances).values(rows).onConflictDoNothing();
    }
    await appendAudit(
      tx,
      auditBody(context.actor, context.clock.now(), "alert.decide", {
        alert: id,
        kind: alert.kind,
        decision: input.decision,
        from,
        to,
        reason,
        notSamePerson,
      }),
    );
  });
  return getAlert(db, id);
}
