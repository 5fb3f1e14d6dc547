ALTER INDEX "entities_properties_idx" SET (fastupdate = off);--> statement-breakpoint
SELECT gin_clean_pending_list('entities_properties_idx');
