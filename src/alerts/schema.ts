import {
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";

const time = (name: string) => timestamp(name, { withTimezone: true, mode: "string" });

/** Each screened manifest (PAXLST or PNRGOV) with its flight; PNR data are personal and masked by retention. */
export const screenedManifests = pgTable(
  "screened_manifests",
  {
    id: text("id").primaryKey(),
    kind: text("kind").notNull(),
    version: text("version"),
    messageRef: text("message_ref"),
    sender: text("sender"),
    carrier: text("carrier").notNull(),
    flightNumber: text("flight_number").notNull(),
    /** Carrier, number and first departure date: what makes "the same flight" across messages. */
    flightKey: text("flight_key").notNull(),
    legs: jsonb("legs").$type<unknown[]>().notNull(),
    pnrs: jsonb("pnrs").$type<unknown[]>(),
    actor: text("actor").notNull(),
    receivedAt: time("received_at").notNull(),
    depersonalisedAt: time("depersonalised_at"),
  },
  (t) => [
    index("screened_manifests_flight_idx").on(t.flightKey),
    index("screened_manifests_received_idx").on(t.receivedAt),
  ],
);

/** Every traveller of a screened manifest; name, birth date and documents are masked after depersonalisation. */
export const screenedTravellers = pgTable(
  "screened_travellers",
  {
    id: text("id").primaryKey(),
    manifestId: text("manifest_id").notNull(),
    flightKey: text("flight_key").notNull(),
    ref: text("ref").notNull(),
    role: text("role").notNull(),
    name: text("name").notNull(),
    birthDate: text("birth_date"),
    nationality: text("nationality"),
    documentNumber: text("document_number"),
    /** The traveller as parsed (travel-types Traveller). */
    data: jsonb("data").$type<Record<string, unknown>>().notNull(),
    createdAt: time("created_at").notNull(),
    depersonalisedAt: time("depersonalised_at"),
  },
  (t) => [
    index("screened_travellers_manifest_idx").on(t.manifestId),
    index("screened_travellers_created_idx").on(t.createdAt),
  ],
);

/** The personal data of a depersonalised traveller, readable only through a recorded, authorised request. */
export const travellerVault = pgTable("traveller_vault", {
  travellerId: text("traveller_id").primaryKey(),
  data: jsonb("data").$type<Record<string, unknown>>().notNull(),
  sealedAt: time("sealed_at").notNull(),
});

/** Every re-personalisation: who asked, who authorised, why. */
export const repersonalisationRequests = pgTable("repersonalisation_requests", {
  id: text("id").primaryKey(),
  travellerId: text("traveller_id").notNull(),
  requestedBy: text("requested_by").notNull(),
  authorisedBy: text("authorised_by").notNull(),
  reason: text("reason").notNull(),
  at: time("at").notNull(),
});

/** The alert queue: one row per subject per occasion, holding all its hits. */
export const alerts = pgTable(
  "alerts",
  {
    id: text("id").primaryKey(),
    kind: text("kind").notNull(),
    occasionKey: text("occasion_key").notNull(),
    status: text("status").notNull(),
    severity: text("severity").notNull(),
    score: doublePrecision("score").notNull(),
    priority: doublePrecision("priority").notNull(),
    subject: jsonb("subject").$type<Record<string, unknown>>().notNull(),
    matches: jsonb("matches").$type<unknown[]>().notNull(),
    ruleHits: jsonb("rule_hits").$type<unknown[]>().notNull(),
    cleared: jsonb("cleared").$type<unknown[]>().notNull(),
    context: jsonb("context").$type<Record<string, unknown>>().notNull(),
    evidence: jsonb("evidence").$type<Record<string, unknown>>(),
    travellerId: text("traveller_id"),
    manifestId: text("manifest_id"),
    assignee: text("assignee"),
    createdAt: time("created_at").notNull(),
    updatedAt: time("updated_at").notNull(),
  },
  (t) => [
    uniqueIndex("alerts_occasion_idx").on(t.kind, t.occasionKey),
    index("alerts_status_priority_idx").on(t.status, t.priority),
    index("alerts_traveller_idx").on(t.travellerId),
  ],
);

/** Officer decisions, append-only: the service never updates or deletes a row here (retention aside). */
export const alertDecisions = pgTable(
  "alert_decisions",
  {
    id: text("id").primaryKey(),
    alertId: text("alert_id").notNull(),
    seq: integer("seq").notNull(),
    decision: text("decision").notNull(),
    fromStatus: text("from_status").notNull(),
    toStatus: text("to_status").notNull(),
    reason: text("reason").notNull(),
    notSamePerson: boolean("not_same_person").notNull(),
    assignee: text("assignee"),
    actor: text("actor").notNull(),
    at: time("at").notNull(),
  },
  (t) => [uniqueIndex("alert_decisions_seq_idx").on(t.alertId, t.seq)],
);

/** Redress memory: this evidence was judged not to be the person of this record at this content hash. */
export const redressClearances = pgTable(
  "redress_clearances",
  {
    id: text("id").primaryKey(),
    fingerprint: text("fingerprint").notNull(),
    entityId: text("entity_id").notNull(),
    recordHash: text("record_hash").notNull(),
    alertId: text("alert_id").notNull(),
    decisionId: text("decision_id").notNull(),
    actor: text("actor").notNull(),
    at: time("at").notNull(),
  },
  (t) => [uniqueIndex("redress_clearances_key_idx").on(t.fingerprint, t.entityId, t.recordHash)],
);

/** Screening rules, versioned: a change adds a version; the newest enabled version of each id applies. */
export const screeningRules = pgTable(
  "screening_rules",
  {
    id: text("id").notNull(),
    version: integer("version").notNull(),
    kind: text("kind").notNull(),
    description: text("description").notNull(),
    severity: text("severity").notNull(),
    parameters: jsonb("parameters").$type<Record<string, unknown>>().notNull(),
    enabled: boolean("enabled").notNull(),
    actor: text("actor").notNull(),
    createdAt: time("created_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.id, t.version] })],
);
