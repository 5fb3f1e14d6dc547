DROP INDEX "entities_status_idx";--> statement-breakpoint
DROP INDEX "entities_list_ref_idx";