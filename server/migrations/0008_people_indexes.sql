DROP INDEX "people_home_idx";--> statement-breakpoint
CREATE INDEX "community_registrations_person_idx" ON "community_registrations" USING btree ("district_id","person_id","requested_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "people_name_grams" ON "people" USING gin (name_grams("name"));--> statement-breakpoint
CREATE INDEX "people_home_idx" ON "people" USING btree ("district_id","home_region_id","name","id");