import { index, jsonb, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";

const time = (name: string) => timestamp(name, { withTimezone: true, mode: "string" });

/**
 * Financial-intelligence leads: a confirmed payment alert packaged for sharing — the payment as screened,
 * the matched registry subject, the explanation and where everything came from. The packaging agency is the
 * lead's originator; who else sees it is decided by the sharing policy (purpose financial-intelligence).
 */
export const leads = pgTable(
  "leads",
  {
    id: text("id").primaryKey(),
    /** The agency that packaged the lead: its originator for the sharing policy. */
    agencyId: text("agency_id").notNull(),
    createdBy: text("created_by").notNull(),
    createdAt: time("created_at").notNull(),
    /** TLP code of the lead itself (the subject record keeps its own). */
    handling: text("handling").notNull(),
    alertId: text("alert_id").notNull(),
    subjectId: text("subject_id").notNull(),
    /** The payment as screened: ids, amount, parties, banks, remittance. */
    payment: jsonb("payment").$type<Record<string, unknown>>().notNull(),
    /** The alert's party, the subject's match with its evidence, and the rule hits. */
    explanation: jsonb("explanation").$type<Record<string, unknown>>().notNull(),
    /** Screening occasion, decision, and the subject record's originator, datasets and version. */
    provenance: jsonb("provenance").$type<Record<string, unknown>>().notNull(),
    note: text("note"),
  },
  (t) => [
    index("leads_agency_idx").on(t.agencyId),
    uniqueIndex("leads_alert_subject_idx").on(t.alertId, t.subjectId),
  ],
);
