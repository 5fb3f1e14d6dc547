CREATE INDEX "entities_properties_idx" ON "entities" USING gin ("properties" jsonb_path_ops);--> statement-breakpoint
CREATE OR REPLACE FUNCTION ftfx_policy_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Delivered on commit: server processes drop their cached policy inputs (src/sharing/world-cache.ts).
  PERFORM pg_notify('ftfx_policy', TG_TABLE_NAME);
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "agencies_policy_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "agencies" FOR EACH STATEMENT EXECUTE FUNCTION ftfx_policy_changed();--> statement-breakpoint
CREATE TRIGGER "recipient_groups_policy_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "recipient_groups" FOR EACH STATEMENT EXECUTE FUNCTION ftfx_policy_changed();--> statement-breakpoint
CREATE TRIGGER "arrangements_policy_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "arrangements" FOR EACH STATEMENT EXECUTE FUNCTION ftfx_policy_changed();--> statement-breakpoint
CREATE TRIGGER "follow_up_requests_policy_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "follow_up_requests" FOR EACH STATEMENT EXECUTE FUNCTION ftfx_policy_changed();
