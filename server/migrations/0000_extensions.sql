-- drizzle-kit does not create extensions: ltree for the region tree, btree_gist for
-- exclusion constraints (bookings), pg_trgm for substring search of Chinese names.
CREATE EXTENSION IF NOT EXISTS ltree;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS btree_gist;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS pg_trgm;
