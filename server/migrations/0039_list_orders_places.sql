-- Lists read in their own order from an index, from a cursor on: the units by place (regions' path, then each
-- place's units), the notices and the needs newest first (read backwards). IF NOT EXISTS: a copy may have them built
-- by hand already (CREATE INDEX CONCURRENTLY on a busy database).
CREATE INDEX IF NOT EXISTS "needs_created_idx" ON "needs" USING btree ("district_id","created_at","id");--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "notices_created_idx" ON "notices" USING btree ("district_id","created_at","id");--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "regions_path_idx" ON "regions" USING btree ("district_id","path");
