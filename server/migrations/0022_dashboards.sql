CREATE TYPE "public"."period_kind" AS ENUM('month', 'quarter', 'year');--> statement-breakpoint
CREATE TABLE "ledger_rollup_queue" (
	"district_id" bigint NOT NULL,
	"entry_id" bigint NOT NULL,
	CONSTRAINT "ledger_rollup_queue_district_id_entry_id_pk" PRIMARY KEY("district_id","entry_id")
);
--> statement-breakpoint
CREATE TABLE "person_periods" (
	"district_id" bigint NOT NULL,
	"kind" "period_kind" NOT NULL,
	"start" date NOT NULL,
	"person_id" bigint NOT NULL,
	"region_id" bigint NOT NULL,
	"member" boolean NOT NULL,
	"net" numeric(14, 2) DEFAULT 0 NOT NULL,
	CONSTRAINT "person_periods_district_id_person_id_kind_start_pk" PRIMARY KEY("district_id","person_id","kind","start")
);
--> statement-breakpoint
CREATE TABLE "region_figures" (
	"district_id" bigint NOT NULL,
	"kind" "period_kind" NOT NULL,
	"start" date NOT NULL,
	"region_id" bigint NOT NULL,
	"residents_active" integer DEFAULT 0 NOT NULL,
	"members_active" integer DEFAULT 0 NOT NULL,
	"units_active" integer DEFAULT 0 NOT NULL,
	"service_hours" numeric(14, 2) DEFAULT 0 NOT NULL,
	"facility_hours" numeric(14, 2) DEFAULT 0 NOT NULL,
	"roles_completed" numeric(14, 2) DEFAULT 0 NOT NULL,
	"meetings_attended" numeric(14, 2) DEFAULT 0 NOT NULL,
	"courses_completed" numeric(14, 2) DEFAULT 0 NOT NULL,
	"notices_read" numeric(14, 2) DEFAULT 0 NOT NULL,
	"projects_opened" integer DEFAULT 0 NOT NULL,
	"projects_done" integer DEFAULT 0 NOT NULL,
	"needs_raised" integer DEFAULT 0 NOT NULL,
	"needs_resolved" integer DEFAULT 0 NOT NULL,
	"needs_resolve_hours" numeric(14, 2) DEFAULT 0 NOT NULL,
	"meetings_held" integer DEFAULT 0 NOT NULL,
	"days_held" integer DEFAULT 0 NOT NULL,
	"notices_delivered" integer DEFAULT 0 NOT NULL,
	"facility_hours_used" numeric(14, 2) DEFAULT 0 NOT NULL,
	CONSTRAINT "region_figures_district_id_region_id_kind_start_pk" PRIMARY KEY("district_id","region_id","kind","start")
);
--> statement-breakpoint
CREATE TABLE "region_stats" (
	"district_id" bigint NOT NULL,
	"region_id" bigint NOT NULL,
	"residents" integer DEFAULT 0 NOT NULL,
	"members" integer DEFAULT 0 NOT NULL,
	"in_service" integer DEFAULT 0 NOT NULL,
	"registered" integer DEFAULT 0 NOT NULL,
	"units" integer DEFAULT 0 NOT NULL,
	"communities" integer DEFAULT 0 NOT NULL,
	"refreshed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "region_stats_district_id_region_id_pk" PRIMARY KEY("district_id","region_id")
);
--> statement-breakpoint
CREATE TABLE "team_periods" (
	"district_id" bigint NOT NULL,
	"kind" "period_kind" NOT NULL,
	"start" date NOT NULL,
	"team_id" bigint NOT NULL,
	"region_id" bigint NOT NULL,
	"hours" numeric(14, 2) DEFAULT 0 NOT NULL,
	CONSTRAINT "team_periods_district_id_team_id_kind_start_pk" PRIMARY KEY("district_id","team_id","kind","start")
);
--> statement-breakpoint
CREATE TABLE "unit_periods" (
	"district_id" bigint NOT NULL,
	"kind" "period_kind" NOT NULL,
	"start" date NOT NULL,
	"unit_id" bigint NOT NULL,
	"region_id" bigint NOT NULL,
	"net" numeric(14, 2) DEFAULT 0 NOT NULL,
	"hours" numeric(14, 2) DEFAULT 0 NOT NULL,
	CONSTRAINT "unit_periods_district_id_unit_id_kind_start_pk" PRIMARY KEY("district_id","unit_id","kind","start")
);
--> statement-breakpoint
CREATE INDEX "team_periods_rank_idx" ON "team_periods" USING btree ("district_id","kind","start","hours");--> statement-breakpoint
CREATE INDEX "unit_periods_rank_idx" ON "unit_periods" USING btree ("district_id","kind","start","hours");--> statement-breakpoint
-- Every ledger insert, by any writer, queues its entries for the dashboards' refresh.
CREATE FUNCTION ledger_queue_rollup() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO ledger_rollup_queue (district_id, entry_id) SELECT district_id, id FROM new_entries;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER ledger_entries_rollup AFTER INSERT ON ledger_entries
  REFERENCING NEW TABLE AS new_entries FOR EACH STATEMENT EXECUTE FUNCTION ledger_queue_rollup();--> statement-breakpoint
-- What the ledger already holds is counted on the first refresh.
INSERT INTO ledger_rollup_queue (district_id, entry_id) SELECT district_id, id FROM ledger_entries;
