import type { FtmEntity } from "../model/entity.ts";
import { validateEntity } from "../model/schema.ts";
import type { LeadView } from "./leads.ts";

/**
 * Leads as one agency may take them away: FtM JSON Lines (a Payment with its payer and beneficiary, and the
 * matched subject's record when the viewer may see it whole) and CSV (one row per lead). Both are built from
 * the policy's views, so an export never holds more than the screen showed.
 */
type Visible = Exclude<LeadView, { level: "hit-no-hit" }>;

const text = (value: unknown): string | undefined =>
  typeof value === "string" && value ? value : typeof value === "number" ? String(value) : undefined;

const props = (entries: Record<string, unknown>): Record<string, string[]> =>
  Object.fromEntries(
    Object.entries(entries).flatMap(([key, value]) => {
      const values = (Array.isArray(value) ? value : [value]).map(text).filter((v) => v !== undefined);
      return values.length > 0 ? [[key, values]] : [];
    }),
  );

/** The FtM entities of one lead view, each valid FtM (checked). */
export function leadEntities(view: LeadView): FtmEntity[] {
  if (view.level === "hit-no-hit") return [];
  const { lead } = view;
  const payment = lead.payment;
  const subject = view.subject && "entity" in view.subject ? view.subject.entity : undefined;
  const party = "explanation" in lead ? lead.explanation.party : "";
  // The matched party takes the subject's kind (Person, Organization); a party of unknown kind is a LegalEntity.
  const partySchema = (role: string) => (role === party && subject ? subject.schema : "LegalEntity");
  const debtor: FtmEntity = {
    id: `${lead.id}-debtor`,
    schema: partySchema("debtor"),
    properties: props({ name: payment.debtor }),
  };
  const creditor: FtmEntity = {
    id: `${lead.id}-creditor`,
    schema: partySchema("creditor"),
    properties: props({ name: payment.creditor }),
  };
  const transfer: FtmEntity = {
    id: `${lead.id}-payment`,
    schema: "Payment",
    properties: props({
      amount: payment.amount,
      currency: payment.currency,
      date: payment.valueDate,
      payer: debtor.id,
      beneficiary: creditor.id,
      purpose: payment.remittance,
      transactionNumber: payment.messageRef ?? payment.id,
      recordId: payment.id,
      summary: `Financial-intelligence lead ${lead.id} from ${lead.agencyId}`,
      description:
        "explanation" in lead
          ? `The ${party} matched ${lead.explanation.match.caption} (${lead.subjectId}) with score ` +
            `${lead.explanation.match.score.toFixed(3)}; rules: ${ruleIds(view).join(", ") || "none"}`
          : undefined,
    }),
  };
  const entities = [transfer, debtor, creditor];
  if (subject) {
    entities.push({
      id: subject.id,
      schema: subject.schema,
      properties: subject.properties,
      datasets: subject.datasets,
    });
  }
  entities.forEach((entity, i) => {
    validateEntity(entity, `lead ${lead.id} entity ${i + 1}`);
  });
  return entities;
}

function ruleIds(view: Visible): string[] {
  if (!("explanation" in view.lead)) return [];
  return view.lead.explanation.ruleHits.map((hit) => String((hit as { ruleId?: unknown }).ruleId ?? ""));
}

export function leadsToFtmJsonl(views: readonly LeadView[]): string {
  return views
    .flatMap(leadEntities)
    .map((entity) => `${JSON.stringify(entity)}\n`)
    .join("");
}

export const LEAD_CSV_COLUMNS = [
  "lead",
  "created",
  "agency",
  "level",
  "payment",
  "messageRef",
  "amount",
  "currency",
  "valueDate",
  "debtor",
  "creditor",
  "remittance",
  "party",
  "subject",
  "subjectName",
  "score",
  "rules",
] as const;

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** One row per visible lead; hit/no-hit views are left out (they carry nothing but a reference). */
export function leadsToCsv(views: readonly LeadView[]): string {
  const rows = views.flatMap((view) => {
    if (view.level === "hit-no-hit") return [];
    const { lead } = view;
    const p = lead.payment;
    const match = "explanation" in lead ? lead.explanation.match : undefined;
    const row: Record<(typeof LEAD_CSV_COLUMNS)[number], string | undefined> = {
      lead: lead.id,
      created: lead.createdAt,
      agency: lead.agencyId,
      level: view.level,
      payment: text(p.id),
      messageRef: text(p.messageRef),
      amount: text(p.amount),
      currency: text(p.currency),
      valueDate: text(p.valueDate),
      debtor: text(p.debtor),
      creditor: text(p.creditor),
      remittance: text(p.remittance),
      party: "explanation" in lead ? lead.explanation.party : undefined,
      subject: lead.subjectId,
      subjectName: match?.caption,
      score: match ? match.score.toFixed(3) : undefined,
      rules: ruleIds(view).join(" "),
    };
    return [LEAD_CSV_COLUMNS.map((column) => csvField(row[column] ?? "")).join(",")];
  });
  return `${[LEAD_CSV_COLUMNS.join(","), ...rows].join("\n")}\n`;
}
