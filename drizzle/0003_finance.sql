CREATE TABLE "leads" (
	"id" text PRIMARY KEY NOT NULL,
	"agency_id" text NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"handling" text NOT NULL,
	"alert_id" text NOT NULL,
	"subject_id" text NOT NULL,
	"payment" jsonb NOT NULL,
	"explanation" jsonb NOT NULL,
	"provenance" jsonb NOT NULL,
	"note" text
);
--> statement-breakpoint
CREATE INDEX "leads_agency_idx" ON "leads" USING btree ("agency_id");--> statement-breakpoint
CREATE UNIQUE INDEX "leads_alert_subject_idx" ON "leads" USING btree ("alert_id","subject_id");