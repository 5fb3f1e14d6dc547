CREATE TABLE "alert_decisions" (
	"id" text PRIMARY KEY NOT NULL,
	"alert_id" text NOT NULL,
	"seq" integer NOT NULL,
	"decision" text NOT NULL,
	"from_status" text NOT NULL,
	"to_status" text NOT NULL,
	"reason" text NOT NULL,
	"not_same_person" boolean NOT NULL,
	"assignee" text,
	"actor" text NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "alerts" (
	"id" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"occasion_key" text NOT NULL,
	"status" text NOT NULL,
	"severity" text NOT NULL,
	"score" double precision NOT NULL,
	"priority" double precision NOT NULL,
	"subject" jsonb NOT NULL,
	"matches" jsonb NOT NULL,
	"rule_hits" jsonb NOT NULL,
	"cleared" jsonb NOT NULL,
	"context" jsonb NOT NULL,
	"evidence" jsonb,
	"traveller_id" text,
	"manifest_id" text,
	"assignee" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "redress_clearances" (
	"id" text PRIMARY KEY NOT NULL,
	"fingerprint" text NOT NULL,
	"entity_id" text NOT NULL,
	"record_hash" text NOT NULL,
	"alert_id" text NOT NULL,
	"decision_id" text NOT NULL,
	"actor" text NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "repersonalisation_requests" (
	"id" text PRIMARY KEY NOT NULL,
	"traveller_id" text NOT NULL,
	"requested_by" text NOT NULL,
	"authorised_by" text NOT NULL,
	"reason" text NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "screened_manifests" (
	"id" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"version" text,
	"message_ref" text,
	"sender" text,
	"carrier" text NOT NULL,
	"flight_number" text NOT NULL,
	"flight_key" text NOT NULL,
	"legs" jsonb NOT NULL,
	"pnrs" jsonb,
	"actor" text NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"depersonalised_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "screened_travellers" (
	"id" text PRIMARY KEY NOT NULL,
	"manifest_id" text NOT NULL,
	"flight_key" text NOT NULL,
	"ref" text NOT NULL,
	"role" text NOT NULL,
	"name" text NOT NULL,
	"birth_date" text,
	"nationality" text,
	"document_number" text,
	"data" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"depersonalised_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "screening_rules" (
	"id" text NOT NULL,
	"version" integer NOT NULL,
	"kind" text NOT NULL,
	"description" text NOT NULL,
	"severity" text NOT NULL,
	"parameters" jsonb NOT NULL,
	"enabled" boolean NOT NULL,
	"actor" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "screening_rules_id_version_pk" PRIMARY KEY("id","version")
);
--> statement-breakpoint
CREATE TABLE "traveller_vault" (
	"traveller_id" text PRIMARY KEY NOT NULL,
	"data" jsonb NOT NULL,
	"sealed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "alert_decisions_seq_idx" ON "alert_decisions" USING btree ("alert_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "alerts_occasion_idx" ON "alerts" USING btree ("kind","occasion_key");--> statement-breakpoint
CREATE INDEX "alerts_status_priority_idx" ON "alerts" USING btree ("status","priority");--> statement-breakpoint
CREATE INDEX "alerts_traveller_idx" ON "alerts" USING btree ("traveller_id");--> statement-breakpoint
CREATE UNIQUE INDEX "redress_clearances_key_idx" ON "redress_clearances" USING btree ("fingerprint","entity_id","record_hash");--> statement-breakpoint
CREATE INDEX "screened_manifests_flight_idx" ON "screened_manifests" USING btree ("flight_key");--> statement-breakpoint
CREATE INDEX "screened_manifests_received_idx" ON "screened_manifests" USING btree ("received_at");--> statement-breakpoint
CREATE INDEX "screened_travellers_manifest_idx" ON "screened_travellers" USING btree ("manifest_id");--> statement-breakpoint
CREATE INDEX "screened_travellers_created_idx" ON "screened_travellers" USING btree ("created_at");