CREATE TABLE "need_settings" (
	"district_id" bigint NOT NULL,
	"street_id" bigint NOT NULL,
	"overdue_days" integer DEFAULT 14 NOT NULL,
	CONSTRAINT "need_settings_district_id_street_id_pk" PRIMARY KEY("district_id","street_id"),
	CONSTRAINT "need_settings_overdue_days" CHECK ("need_settings"."overdue_days" BETWEEN 1 AND 365)
);
--> statement-breakpoint
ALTER TABLE "need_settings" ADD CONSTRAINT "need_settings_district_id_street_id_regions_district_id_id_fk" FOREIGN KEY ("district_id","street_id") REFERENCES "public"."regions"("district_id","id") ON DELETE no action ON UPDATE no action;