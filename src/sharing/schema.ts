import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import type { JsonObject } from "./audit-chain.ts";

const time = (name: string) => timestamp(name, { withTimezone: true, mode: "string" });

/** Partner agencies. `member` marks coalition members: GREEN and stricter handling never leave them. */
export const agencies = pgTable("agencies", {
  id: text("id").primaryKey(),
  country: text("country").notNull(),
  name: text("name").notNull(),
  type: text("type").notNull(),
  member: boolean("member").notNull().default(true),
  /** Whom to ask about a hit (desk e-mail or phone); shown on every hit/no-hit answer. */
  contact: text("contact").notNull(),
  createdAt: time("created_at").notNull(),
  /** Where the agency's notifications are also POSTed, signed with HMAC-SHA256 under webhook_secret. */
  webhookUrl: text("webhook_url"),
  webhookSecret: text("webhook_secret"),
});

/**
 * People and service accounts of an agency; API keys belong to one of them. A person may also sign in to
 * the console by user name and password: the roles are then the user's own (a key carries its own roles).
 */
export const users = pgTable(
  "users",
  {
    id: text("id").primaryKey(),
    agencyId: text("agency_id").notNull(),
    name: text("name").notNull(),
    kind: text("kind").notNull(),
    createdAt: time("created_at").notNull(),
    /** The sign-in name, lower case; service accounts have none. */
    username: text("username"),
    roles: jsonb("roles").$type<string[]>().notNull().default([]),
    /** `scrypt$N=…,r=…,p=…$<salt>$<hash>`; null until the operator sets a password. */
    passwordHash: text("password_hash"),
    /** When the password was last set: sessions opened before it end. */
    passwordSetAt: time("password_set_at"),
    /** A disabled user neither signs in nor acts through its keys; the row stays for the record. */
    disabledAt: time("disabled_at"),
  },
  (t) => [index("users_agency_idx").on(t.agencyId), uniqueIndex("users_username_key").on(t.username)],
);

/** API keys: only the scrypt hash string is kept; a revoked key stays for the record. */
export const apiKeys = pgTable(
  "api_keys",
  {
    id: text("id").primaryKey(),
    agencyId: text("agency_id").notNull(),
    userId: text("user_id").notNull(),
    roles: jsonb("roles").$type<string[]>().notNull(),
    hash: text("hash").notNull(),
    createdAt: time("created_at").notNull(),
    revokedAt: time("revoked_at"),
  },
  (t) => [index("api_keys_agency_idx").on(t.agencyId)],
);

/** Named recipient groups of arrangements; members are agency ids. */
export const recipientGroups = pgTable("recipient_groups", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  members: jsonb("members").$type<string[]>().notNull(),
});

/** Who may learn what, for which purposes, when. Parties are `{agency}`, `{country}` or `{group}` (an id). */
export const arrangements = pgTable("arrangements", {
  id: text("id").primaryKey(),
  originator: jsonb("originator").$type<{ agency: string } | { country: string }>().notNull(),
  recipient: jsonb("recipient")
    .$type<{ agency: string } | { country: string } | { group: string }>()
    .notNull(),
  disclosure: text("disclosure").notNull(),
  purposes: jsonb("purposes").$type<string[]>().notNull(),
  validFrom: time("valid_from").notNull(),
  validUntil: time("valid_until"),
  createdBy: text("created_by").notNull(),
  createdAt: time("created_at").notNull(),
});

/** A recipient's request to learn more about a hit; an approval is a grant until `expires`. */
export const followUpRequests = pgTable(
  "follow_up_requests",
  {
    id: text("id").primaryKey(),
    entityId: text("entity_id").notNull(),
    originator: text("originator").notNull(),
    requester: text("requester").notNull(),
    requestedBy: text("requested_by").notNull(),
    purpose: text("purpose").notNull(),
    level: text("level").notNull(),
    reason: text("reason").notNull(),
    status: text("status").notNull(),
    createdAt: time("created_at").notNull(),
    decidedBy: text("decided_by"),
    decidedAt: time("decided_at"),
    expires: time("expires"),
  },
  (t) => [
    index("follow_ups_entity_idx").on(t.entityId, t.requester),
    index("follow_ups_originator_idx").on(t.originator),
  ],
);

/**
 * Which agency was shown which record, under which reference: whom to tell on withdrawal, and what a
 * follow-up request may quote.
 */
export const disclosures = pgTable(
  "disclosures",
  {
    entityId: text("entity_id").notNull(),
    agencyId: text("agency_id").notNull(),
    reference: text("reference").notNull(),
    firstAt: time("first_at").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.entityId, t.agencyId] }),
    index("disclosures_reference_idx").on(t.reference),
  ],
);

/** An agency's inbox: hits on its records, withdrawals, follow-up requests and decisions. */
export const notifications = pgTable(
  "notifications",
  {
    id: text("id").primaryKey(),
    agencyId: text("agency_id").notNull(),
    kind: text("kind").notNull(),
    body: jsonb("body").$type<JsonObject>().notNull(),
    createdAt: time("created_at").notNull(),
    readAt: time("read_at"),
    /** When the agency's webhook accepted it; null while undelivered or without a webhook. */
    deliveredAt: time("delivered_at"),
  },
  (t) => [index("notifications_agency_idx").on(t.agencyId, t.createdAt)],
);

/** The hash-chained audit log; the time of each entry is inside its hashed body. */
export const auditLog = pgTable("audit_log", {
  id: text("id").primaryKey(),
  seq: bigint("seq", { mode: "number" }).notNull().unique(),
  prevHash: text("prev_hash").notNull(),
  hash: text("hash").notNull(),
  body: jsonb("body").$type<JsonObject>().notNull(),
});

/**
 * The chain's newest entry, one row (id 1). Appends lock it, which serialises writers; verify compares the
 * log's end with it, so deleting the newest entries is noticed.
 */
export const auditHead = pgTable("audit_head", {
  id: integer("id").primaryKey(),
  seq: bigint("seq", { mode: "number" }).notNull(),
  hash: text("hash").notNull(),
});

/** What is left of a record deleted by retention: no personal data, only that it was there and when it went. */
export const tombstones = pgTable("tombstones", {
  entityId: text("entity_id").primaryKey(),
  originator: text("originator").notNull(),
  schema: text("schema").notNull(),
  retainUntil: time("retain_until").notNull(),
  deletedAt: time("deleted_at").notNull(),
  auditId: text("audit_id").notNull(),
});
