CREATE TABLE "facility_open_months" (
	"district_id" bigint NOT NULL,
	"facility_id" bigint NOT NULL,
	"month" date NOT NULL,
	"hours" numeric(14, 2) DEFAULT 0 NOT NULL,
	CONSTRAINT "facility_open_months_district_id_facility_id_month_pk" PRIMARY KEY("district_id","facility_id","month")
);
--> statement-breakpoint
ALTER TABLE "facility_open_months" ADD CONSTRAINT "facility_open_months_district_id_facility_id_facilities_district_id_id_fk" FOREIGN KEY ("district_id","facility_id") REFERENCES "public"."facilities"("district_id","id") ON DELETE no action ON UPDATE no action;