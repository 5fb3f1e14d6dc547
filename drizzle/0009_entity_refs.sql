CREATE TABLE "entity_refs" (
	"ref_id" text NOT NULL,
	"entity_id" text NOT NULL,
	"property" text NOT NULL,
	CONSTRAINT "entity_refs_pk" PRIMARY KEY("ref_id","entity_id","property")
);
--> statement-breakpoint
-- Backfill from the entities already stored, as src/registry/refs.ts referencesOf reads them.
INSERT INTO "entity_refs" ("ref_id", "entity_id", "property")
SELECT DISTINCT r.ref_id, e.id, p.property
FROM "entities" AS e
CROSS JOIN unnest(array['holder', 'entity', 'person', 'relative', 'associate', 'member', 'organization']) AS p(property)
CROSS JOIN jsonb_array_elements_text(e.properties -> p.property) AS r(ref_id);--> statement-breakpoint
DROP INDEX "entities_properties_idx";--> statement-breakpoint
CREATE INDEX "entity_refs_entity_idx" ON "entity_refs" USING btree ("entity_id");