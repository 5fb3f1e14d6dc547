import {
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";

/** Current state of every entity the registry holds; history lives in entity_versions. */
export const entities = pgTable(
  "entities",
  {
    id: text("id").primaryKey(),
    schema: text("schema").notNull(),
    caption: text("caption").notNull(),
    properties: jsonb("properties").$type<Record<string, string[]>>().notNull(),
    originator: text("originator").notNull(),
    datasets: jsonb("datasets").$type<string[]>().notNull(),
    handling: text("handling").notNull(),
    status: text("status").notNull(),
    listRef: text("list_ref"),
    contentHash: text("content_hash").notNull(),
    version: integer("version").notNull(),
    firstSeen: timestamp("first_seen", { withTimezone: true, mode: "string" }).notNull(),
    lastSeen: timestamp("last_seen", { withTimezone: true, mode: "string" }).notNull(),
    reviewBy: timestamp("review_by", { withTimezone: true, mode: "string" }),
    retainUntil: timestamp("retain_until", { withTimezone: true, mode: "string" }),
  },
  // Only indexes that queries use: no query looks records up by list reference, and status has too few
  // values to choose rows by (almost all are active); each index costs every import's writes.
  (t) => [index("entities_schema_idx").on(t.schema), index("entities_originator_idx").on(t.originator)],
);

/**
 * One row per reference an entity makes through a referring property (refs.ts: a passport's holder, a
 * sanction's entity, a link's person …), written with the entity by writes.ts, so disclosure finds the
 * records pointing at a record by its id. Much cheaper to keep during imports than a GIN index over all
 * properties.
 */
export const entityRefs = pgTable(
  "entity_refs",
  {
    refId: text("ref_id").notNull(),
    entityId: text("entity_id").notNull(),
    property: text("property").notNull(),
  },
  (t) => [
    primaryKey({ name: "entity_refs_pk", columns: [t.refId, t.entityId, t.property] }),
    // A rewritten or deleted entity drops its references first.
    index("entity_refs_entity_idx").on(t.entityId),
  ],
);

/**
 * Every change to an entity makes one row here: who, when, what kind of change, and the full state. The
 * current version's state is the entities row itself (state null) and is copied here when a newer version
 * replaces it, so an import writes each entity's properties once.
 */
export const entityVersions = pgTable(
  "entity_versions",
  {
    entityId: text("entity_id").notNull(),
    version: integer("version").notNull(),
    change: text("change").notNull(),
    actor: text("actor").notNull(),
    importId: text("import_id"),
    at: timestamp("at", { withTimezone: true, mode: "string" }).notNull(),
    state: jsonb("state").$type<Record<string, unknown>>(),
  },
  (t) => [
    uniqueIndex("entity_versions_pk").on(t.entityId, t.version),
    // Delisting asks which entities earlier imports of a list brought in.
    index("entity_versions_import_idx").on(t.importId),
  ],
);

/** One row per import run, with its counts, so operators can see what each edition of a list changed. */
export const imports = pgTable("imports", {
  id: text("id").primaryKey(),
  source: text("source").notNull(),
  dataset: text("dataset").notNull(),
  file: text("file").notNull(),
  actor: text("actor").notNull(),
  at: timestamp("at", { withTimezone: true, mode: "string" }).notNull(),
  added: integer("added").notNull(),
  updated: integer("updated").notNull(),
  unchanged: integer("unchanged").notNull(),
  delisted: integer("delisted").notNull(),
});
