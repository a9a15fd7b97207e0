-- Lists read in their own order from an index: a person's ledger (at, id), a project's claims (role, created, id),
-- the projects (what is to come by ends_at, what has ended by starts_at). IF NOT EXISTS: a copy may have them built
-- by hand already (CREATE INDEX CONCURRENTLY on a busy database).
CREATE INDEX IF NOT EXISTS "ledger_entries_person_order_idx" ON "ledger_entries" USING btree ("district_id","person_id","at","id");--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "claims_project_order_idx" ON "claims" USING btree ("district_id","project_id","role_id","created_at","id","status");--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "projects_ends_idx" ON "projects" USING btree ("district_id","ends_at");--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "projects_starts_idx" ON "projects" USING btree ("district_id","starts_at","id");--> statement-breakpoint
DROP INDEX IF EXISTS "ledger_entries_person_idx";--> statement-breakpoint
DROP INDEX IF EXISTS "claims_project_idx";
