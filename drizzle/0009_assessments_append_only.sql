-- Assessment history is kept, never rewritten: a new rating is a new row. UPDATE and TRUNCATE are
-- refused even to the app; rows go only with their person or campaign (ON DELETE CASCADE).
CREATE OR REPLACE FUNCTION assessments_refuse_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'assessments is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER assessments_append_only
  BEFORE UPDATE ON assessments
  FOR EACH ROW EXECUTE FUNCTION assessments_refuse_change();
--> statement-breakpoint
CREATE TRIGGER assessments_no_truncate
  BEFORE TRUNCATE ON assessments
  FOR EACH STATEMENT EXECUTE FUNCTION assessments_refuse_change();
