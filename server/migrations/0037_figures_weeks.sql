ALTER TYPE "public"."period_kind" ADD VALUE 'week';--> statement-breakpoint
ALTER TABLE "figures_state" ADD COLUMN "weeks_from" date;--> statement-breakpoint
ALTER TABLE "region_figures" ADD COLUMN "registrations_approved" integer DEFAULT 0 NOT NULL;