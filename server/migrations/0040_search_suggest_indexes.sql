-- The header's search: one or two characters of a name or title by its grams (a trigram index has no trigram for
-- them), longer text by trigrams, now on projects and needs too. Teams' suggestions: the roles and dedication-day
-- tasks overlapping a time (who is busy then) by GiST instead of reading every one, and the window's ledger
-- corrections from the index alone. IF NOT EXISTS: a copy may have them built by hand already (CREATE INDEX
-- CONCURRENTLY on a busy database).
CREATE INDEX IF NOT EXISTS "dedication_tasks_during_idx" ON "dedication_tasks" USING gist ("district_id",tstzrange("starts_at", "ends_at"));--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "facilities_name_grams" ON "facilities" USING gin (name_grams("name"));--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "ledger_entries_corrections_idx" ON "ledger_entries" USING btree ("district_id","kind","at","person_id") WHERE "ledger_entries"."corrects_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "needs_title_trgm" ON "needs" USING gin ("title" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "needs_title_grams" ON "needs" USING gin (name_grams("title"));--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "project_roles_during_idx" ON "project_roles" USING gist ("district_id",tstzrange("starts_at", "ends_at"));--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "projects_title_trgm" ON "projects" USING gin ("title" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "projects_title_grams" ON "projects" USING gin (name_grams("title"));--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "teams_name_grams" ON "teams" USING gin (name_grams("name"));--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "units_name_grams" ON "units" USING gin (name_grams("name"));