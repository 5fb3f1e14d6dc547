-- Screening rules are read on every real-time screening; server processes cache them with the policy's
-- inputs and drop them on this notice, delivered on commit (src/sharing/world-cache.ts).
CREATE TRIGGER "screening_rules_policy_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "screening_rules" FOR EACH STATEMENT EXECUTE FUNCTION ftfx_policy_changed();
