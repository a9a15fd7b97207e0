CREATE TABLE "district_settings" (
	"district_id" bigint PRIMARY KEY NOT NULL,
	"time_zone" text DEFAULT 'Asia/Shanghai' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "district_settings" ADD CONSTRAINT "district_settings_district_id_district_id_regions_district_id_id_fk" FOREIGN KEY ("district_id","district_id") REFERENCES "public"."regions"("district_id","id") ON DELETE no action ON UPDATE no action;