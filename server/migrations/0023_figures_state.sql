CREATE TABLE "figures_state" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"folded_at" timestamp with time zone,
	"records_at" timestamp with time zone,
	CONSTRAINT "figures_state_single" CHECK ("figures_state"."id" = 1)
);
--> statement-breakpoint
-- A unit's figures now count its Party members' entries too: fold the whole ledger again.
TRUNCATE person_periods, unit_periods, team_periods, region_figures, ledger_rollup_queue;--> statement-breakpoint
INSERT INTO ledger_rollup_queue (district_id, entry_id) SELECT district_id, id FROM ledger_entries;
