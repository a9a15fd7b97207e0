ALTER TABLE "needs" ADD COLUMN "accepted_by" bigint;--> statement-breakpoint
ALTER TABLE "needs" ADD COLUMN "accepted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "needs" ADD CONSTRAINT "needs_accepted_by_users_id_fk" FOREIGN KEY ("accepted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- A need accepted before this column existed: its acceptance is its latest answer.
UPDATE "needs" SET "accepted_at" = "decided_at", "accepted_by" = "decided_by" WHERE "status" = 'accepted';
