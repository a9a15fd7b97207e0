ALTER TABLE "notices" ADD COLUMN "reads" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "notices" ADD CONSTRAINT "notices_reads_not_negative" CHECK ("notices"."reads" >= 0);--> statement-breakpoint
-- How many have read each notice, counted once when it is written rather than each time
-- a list is shown (a district letter has tens of thousands of recipients).
UPDATE notices n SET reads = (SELECT count(*) FROM notice_recipients x
  WHERE x.district_id = n.district_id AND x.notice_id = n.id AND x.read_at IS NOT NULL);
--> statement-breakpoint
CREATE FUNCTION notice_reads_count() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    UPDATE notices n SET reads = n.reads + d.c
      FROM (SELECT district_id, notice_id, count(*) AS c FROM new_rows
             WHERE read_at IS NOT NULL GROUP BY district_id, notice_id) d
     WHERE n.district_id = d.district_id AND n.id = d.notice_id;
  ELSIF TG_OP = 'UPDATE' THEN
    UPDATE notices n SET reads = n.reads + d.c
      FROM (SELECT o.district_id, o.notice_id,
                   sum((x.read_at IS NOT NULL)::int - (o.read_at IS NOT NULL)::int) AS c
              FROM old_rows o JOIN new_rows x USING (district_id, notice_id, person_id)
             GROUP BY o.district_id, o.notice_id) d
     WHERE n.district_id = d.district_id AND n.id = d.notice_id AND d.c <> 0;
  ELSE
    UPDATE notices n SET reads = n.reads - d.c
      FROM (SELECT district_id, notice_id, count(*) AS c FROM old_rows
             WHERE read_at IS NOT NULL GROUP BY district_id, notice_id) d
     WHERE n.district_id = d.district_id AND n.id = d.notice_id;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER notice_reads_on_insert AFTER INSERT ON notice_recipients
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION notice_reads_count();
--> statement-breakpoint
CREATE TRIGGER notice_reads_on_update AFTER UPDATE ON notice_recipients
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION notice_reads_count();
--> statement-breakpoint
CREATE TRIGGER notice_reads_on_delete AFTER DELETE ON notice_recipients
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION notice_reads_count();
