ALTER TABLE "agencies" ADD COLUMN "webhook_url" text;--> statement-breakpoint
ALTER TABLE "agencies" ADD COLUMN "webhook_secret" text;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "delivered_at" timestamp with time zone;