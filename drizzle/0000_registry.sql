CREATE TABLE "entities" (
	"id" text PRIMARY KEY NOT NULL,
	"schema" text NOT NULL,
	"caption" text NOT NULL,
	"properties" jsonb NOT NULL,
	"originator" text NOT NULL,
	"datasets" jsonb NOT NULL,
	"handling" text NOT NULL,
	"status" text NOT NULL,
	"list_ref" text,
	"content_hash" text NOT NULL,
	"version" integer NOT NULL,
	"first_seen" timestamp with time zone NOT NULL,
	"last_seen" timestamp with time zone NOT NULL,
	"review_by" timestamp with time zone,
	"retain_until" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "entity_versions" (
	"entity_id" text NOT NULL,
	"version" integer NOT NULL,
	"change" text NOT NULL,
	"actor" text NOT NULL,
	"import_id" text,
	"at" timestamp with time zone NOT NULL,
	"state" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "imports" (
	"id" text PRIMARY KEY NOT NULL,
	"source" text NOT NULL,
	"dataset" text NOT NULL,
	"file" text NOT NULL,
	"actor" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"added" integer NOT NULL,
	"updated" integer NOT NULL,
	"unchanged" integer NOT NULL,
	"delisted" integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX "entities_schema_idx" ON "entities" USING btree ("schema");--> statement-breakpoint
CREATE INDEX "entities_originator_idx" ON "entities" USING btree ("originator");--> statement-breakpoint
CREATE INDEX "entities_status_idx" ON "entities" USING btree ("status");--> statement-breakpoint
CREATE INDEX "entities_list_ref_idx" ON "entities" USING btree ("list_ref");--> statement-breakpoint
CREATE UNIQUE INDEX "entity_versions_pk" ON "entity_versions" USING btree ("entity_id","version");