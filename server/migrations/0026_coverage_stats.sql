ALTER TABLE "region_stats" ADD COLUMN "streets_total" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "region_stats" ADD COLUMN "streets_covered" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "region_stats" ADD COLUMN "communities_total" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "region_stats" ADD COLUMN "communities_covered" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "region_stats" ADD COLUMN "buildings_total" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "region_stats" ADD COLUMN "buildings_covered" integer DEFAULT 0 NOT NULL;