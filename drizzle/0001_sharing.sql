CREATE TABLE "agencies" (
	"id" text PRIMARY KEY NOT NULL,
	"country" text NOT NULL,
	"name" text NOT NULL,
	"type" text NOT NULL,
	"member" boolean DEFAULT true NOT NULL,
	"contact" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "api_keys" (
	"id" text PRIMARY KEY NOT NULL,
	"agency_id" text NOT NULL,
	"user_id" text NOT NULL,
	"roles" jsonb NOT NULL,
	"hash" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "arrangements" (
	"id" text PRIMARY KEY NOT NULL,
	"originator" jsonb NOT NULL,
	"recipient" jsonb NOT NULL,
	"disclosure" text NOT NULL,
	"purposes" jsonb NOT NULL,
	"valid_from" timestamp with time zone NOT NULL,
	"valid_until" timestamp with time zone,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_head" (
	"id" integer PRIMARY KEY NOT NULL,
	"seq" bigint NOT NULL,
	"hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" text PRIMARY KEY NOT NULL,
	"seq" bigint NOT NULL,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL,
	"body" jsonb NOT NULL,
	CONSTRAINT "audit_log_seq_unique" UNIQUE("seq")
);
--> statement-breakpoint
CREATE TABLE "disclosures" (
	"entity_id" text NOT NULL,
	"agency_id" text NOT NULL,
	"reference" text NOT NULL,
	"first_at" timestamp with time zone NOT NULL,
	CONSTRAINT "disclosures_entity_id_agency_id_pk" PRIMARY KEY("entity_id","agency_id")
);
--> statement-breakpoint
CREATE TABLE "follow_up_requests" (
	"id" text PRIMARY KEY NOT NULL,
	"entity_id" text NOT NULL,
	"originator" text NOT NULL,
	"requester" text NOT NULL,
	"requested_by" text NOT NULL,
	"purpose" text NOT NULL,
	"level" text NOT NULL,
	"reason" text NOT NULL,
	"status" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"decided_by" text,
	"decided_at" timestamp with time zone,
	"expires" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" text PRIMARY KEY NOT NULL,
	"agency_id" text NOT NULL,
	"kind" text NOT NULL,
	"body" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "recipient_groups" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"members" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tombstones" (
	"entity_id" text PRIMARY KEY NOT NULL,
	"originator" text NOT NULL,
	"schema" text NOT NULL,
	"retain_until" timestamp with time zone NOT NULL,
	"deleted_at" timestamp with time zone NOT NULL,
	"audit_id" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" text PRIMARY KEY NOT NULL,
	"agency_id" text NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "api_keys_agency_idx" ON "api_keys" USING btree ("agency_id");--> statement-breakpoint
CREATE INDEX "disclosures_reference_idx" ON "disclosures" USING btree ("reference");--> statement-breakpoint
CREATE INDEX "follow_ups_entity_idx" ON "follow_up_requests" USING btree ("entity_id","requester");--> statement-breakpoint
CREATE INDEX "follow_ups_originator_idx" ON "follow_up_requests" USING btree ("originator");--> statement-breakpoint
CREATE INDEX "notifications_agency_idx" ON "notifications" USING btree ("agency_id","created_at");--> statement-breakpoint
CREATE INDEX "users_agency_idx" ON "users" USING btree ("agency_id");