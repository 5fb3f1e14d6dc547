/**
 * Financial-intelligence leads: a confirmed payment alert packaged with its payment context, matched
 * subject, explanation and provenance, and shown to other agencies only as the sharing policy decides for
 * the purpose `financial-intelligence` — the lead itself as a record of the packaging agency, the matched
 * subject inside it as that subject's own record. Every packaging and every reading is audited.
 */
import { asc, eq } from "drizzle-orm";
import { getAlert } from "../alerts/service.ts";
import type { AlertWithHistory } from "../alerts/types.ts";
import type { MatchResult } from "../matching/types.ts";
import { DEFAULT_HANDLING, type Handling, isHandling, type RegistryEntity } from "../model/entity.ts";
import type { Db, DbOrTx } from "../platform/db.ts";
import { badInput, FtfxError } from "../platform/errors.ts";
import { newId } from "../platform/ids.ts";
import { findEntity } from "../registry/queries.ts";
import { appendAudit, auditBody } from "../sharing/audit-log.ts";
import type { SharingContext } from "../sharing/context.ts";
import { type DisclosureDecision, decideDisclosure, rank } from "../sharing/policy.ts";
import { type EntityView, presentEntity, referenceFor } from "../sharing/present.ts";
import type { Agency, Purpose } from "../sharing/types.ts";
import { loadPolicyWorld, type PolicyWorld } from "../sharing/world.ts";
import { leads } from "./schema.ts";

export const LEAD_PURPOSE: Purpose = "financial-intelligence";

export interface NewLead {
  alertId: string;
  /** The matched record the lead is about; the alert's best match when absent. */
  subjectId?: string;
  handling?: string;
  note?: string;
}

export interface Lead {
  id: string;
  agencyId: string;
  createdBy: string;
  createdAt: string;
  handling: Handling;
  alertId: string;
  subjectId: string;
  payment: Record<string, unknown>;
  explanation: { party: string; match: MatchResult; ruleHits: unknown[] };
  provenance: Record<string, unknown>;
  note?: string;
}

/** A lead as one agency sees it: everything (own or full), the payment without the subject, or only that it exists. */
export type LeadView =
  | { level: "own" | "full"; lead: Lead; subject: EntityView | null }
  | { level: "summary"; lead: Omit<Lead, "explanation" | "provenance">; subject: EntityView | null }
  | { level: "hit-no-hit"; reference: string; originator: string; contact: string };

/** Packages a confirmed payment alert as a lead; the alert must be a payment's, decided `confirmed`. */
export async function createLead(db: Db, input: NewLead, context: SharingContext): Promise<Lead> {
  const alert = await getAlert(db, input.alertId);
  if (alert.kind !== "payment") throw badInput(`alert ${alert.id} is a ${alert.kind} alert`, "alertId");
  if (alert.status !== "confirmed")
    throw new FtfxError(
      "conflict",
      `alert ${alert.id} is ${alert.status}; only confirmed hits make leads`,
      "alertId",
    );
  const match = input.subjectId
    ? alert.matches.find((m) => m.entityId === input.subjectId)
    : alert.matches[0];
  if (!match)
    throw badInput(`alert ${alert.id} has no match ${input.subjectId ?? "to package"}`, "subjectId");
  const handling = input.handling ?? DEFAULT_HANDLING;
  if (!isHandling(handling)) throw badInput(`unknown handling code "${handling}"`, "handling");
  const subject = await findEntity(db, match.entityId);
  const now = context.clock.now().toISOString();
  const lead: Lead = {
    id: newId("lead"),
    agencyId: context.actor.agencyId,
    createdBy: context.actor.userId,
    createdAt: now,
    handling,
    alertId: alert.id,
    subjectId: match.entityId,
    payment: (alert.context.payment as Record<string, unknown> | undefined) ?? {},
    explanation: { party: String(alert.context.party ?? ""), match, ruleHits: alert.ruleHits },
    provenance: provenanceOf(alert, subject),
    ...(input.note?.trim() ? { note: input.note.trim() } : {}),
  };
  await db.transaction(async (tx) => {
    const [existing] = await tx.select({ id: leads.id }).from(leads).where(eq(leads.alertId, alert.id));
    if (existing)
      throw new FtfxError("conflict", `alert ${alert.id} is already lead ${existing.id}`, "alertId");
    await tx.insert(leads).values({ ...lead, note: lead.note ?? null });
    await appendAudit(
      tx,
      auditBody(context.actor, new Date(now), "lead.create", {
        subject: lead.id,
        alertId: alert.id,
        entityId: lead.subjectId,
        purpose: LEAD_PURPOSE,
        handling,
      }),
    );
  });
  return lead;
}

/** Where the lead comes from: the screening occasion, the officer's decision, the subject record's version. */
function provenanceOf(alert: AlertWithHistory, subject: RegistryEntity | undefined): Record<string, unknown> {
  const decision = alert.history.filter((d) => d.toStatus === "confirmed").at(-1);
  return {
    screening: { alertId: alert.id, occasion: alert.occasionKey, screenedAt: alert.createdAt },
    decision: decision ? { by: decision.actor, at: decision.at, reason: decision.reason } : null,
    subject: subject
      ? {
          entityId: subject.id,
          originator: subject.originator,
          datasets: subject.datasets,
          version: subject.version,
          ...(subject.listRef ? { listRef: subject.listRef } : {}),
        }
      : { entityId: alert.matches[0]?.entityId ?? null, missing: true },
  };
}

/**
 * The leads the actor may see, newest last, each shaped by the policy for the purpose financial-intelligence.
 * Audited as one read listing every decision, hidden ones too.
 */
export async function listLeads(db: Db, context: SharingContext, referenceKey: string): Promise<LeadView[]> {
  const now = context.clock.now();
  const rows = await db.select().from(leads).orderBy(asc(leads.createdAt), asc(leads.id));
  const world = await loadPolicyWorld(db);
  const viewer = viewerOf(world, context.actor.agencyId);
  const decide = (record: Pick<RegistryEntity, "id" | "originator" | "handling" | "status">) =>
    decideDisclosure({
      viewer,
      purpose: LEAD_PURPOSE,
      record,
      arrangements: world.arrangements,
      grants: [],
      now,
      coalition: world.coalition,
    });
  const views: LeadView[] = [];
  const decisions: { leadId: string; level: string; reason: string }[] = [];
  for (const row of rows) {
    const lead = toLead(row);
    const decision = decide({
      id: lead.id,
      originator: lead.agencyId,
      handling: lead.handling,
      status: "active",
    });
    decisions.push({ leadId: lead.id, level: decision.level, reason: decision.reason });
    const view = await presentLead(db, lead, decision, decide, {
      contact: world.agencies.get(lead.agencyId)?.contact ?? lead.agencyId,
      referenceKey,
    });
    if (view) views.push(view);
  }
  await db.transaction(async (tx) => {
    await appendAudit(
      tx,
      auditBody(context.actor, now, "lead.list", { purpose: LEAD_PURPOSE, leads: decisions }),
    );
  });
  return views;
}

async function presentLead(
  db: DbOrTx,
  lead: Lead,
  decision: DisclosureDecision,
  decide: (record: RegistryEntity) => DisclosureDecision,
  present: { contact: string; referenceKey: string },
): Promise<LeadView | null> {
  if (decision.level === "none") return null;
  if (decision.level === "hit-no-hit") {
    return {
      level: "hit-no-hit",
      reference: referenceFor(lead.id, present.referenceKey),
      originator: lead.agencyId,
      contact: present.contact,
    };
  }
  // The subject inside the lead is shown as the policy shows that record to this viewer, never more.
  const record = await findEntity(db, lead.subjectId);
  const subjectDecision = record ? decide(record) : undefined;
  const subject =
    record && subjectDecision
      ? presentEntity(record, subjectDecision, {
          contact: present.contact,
          referenceKey: present.referenceKey,
        })
      : null;
  const subjectVisible = subjectDecision !== undefined && rank(subjectDecision.level) >= rank("full");
  if (decision.level === "summary" || !subjectVisible) {
    const { explanation: _explanation, provenance: _provenance, ...payment } = lead;
    return {
      level: "summary",
      lead: { ...payment, subjectId: subject && "reference" in subject ? subject.reference : "" },
      subject,
    };
  }
  return { level: decision.level, lead, subject };
}

/** The viewer as the policy knows it; an agency missing from the store is outside the coalition. */
function viewerOf(world: PolicyWorld, agencyId: string): Agency {
  return (
    world.agencies.get(agencyId) ?? {
      id: agencyId,
      country: "",
      name: agencyId,
      type: "financial-intelligence",
    }
  );
}

function toLead(row: typeof leads.$inferSelect): Lead {
  return {
    id: row.id,
    agencyId: row.agencyId,
    createdBy: row.createdBy,
    createdAt: new Date(row.createdAt).toISOString(),
    handling: row.handling as Handling,
    alertId: row.alertId,
    subjectId: row.subjectId,
    payment: row.payment,
    explanation: row.explanation as Lead["explanation"],
    provenance: row.provenance,
    ...(row.note ? { note: row.note } : {}),
  };
}
