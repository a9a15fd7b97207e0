-- History is never edited: append-only tables refuse UPDATE and DELETE at the database.
-- Later append-only tables (the participation ledger) attach the same trigger.
CREATE OR REPLACE FUNCTION gongjian_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'raise_exception', HINT = 'append a correcting entry instead';
END $$;
--> statement-breakpoint
CREATE TRIGGER audit_log_append_only
  BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION gongjian_refuse_change();
