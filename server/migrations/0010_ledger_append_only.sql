-- The ledger is history: the same guard as the audit trail refuses UPDATE and DELETE.
CREATE TRIGGER ledger_entries_append_only
  BEFORE UPDATE OR DELETE ON ledger_entries
  FOR EACH ROW EXECUTE FUNCTION gongjian_refuse_change();
