-- Decision 0028, ratings: an assessment names its roster person by a keyed pseudonym (person_key)
-- and a sealed id (person_ref), never by a clear person_id. Ratings stay append-only (0009); the one
-- UPDATE allowed is the upgrade keyPersonLinks makes at start-up, with the key the database does not
-- hold: a clear person_id emptied and the keyed link set, nothing else moving. An UPDATE can never
-- write a clear person_id.
CREATE OR REPLACE FUNCTION assessments_guard_update() RETURNS trigger AS $$
BEGIN
  IF OLD.person_id IS NOT NULL AND NEW.person_id IS NULL AND OLD.person_key IS NULL AND NEW.person_key IS NOT NULL
     AND OLD.person_ref IS NULL AND NEW.person_ref IS NOT NULL
     AND (NEW.id, NEW.campaign_id, NEW.level, NEW.note, NEW.assessed_by_account_id, NEW.assessed_by_name, NEW.assessed_at, NEW.created_at)
         IS NOT DISTINCT FROM
         (OLD.id, OLD.campaign_id, OLD.level, OLD.note, OLD.assessed_by_account_id, OLD.assessed_by_name, OLD.assessed_at, OLD.created_at)
  THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'assessments is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
DROP TRIGGER assessments_append_only ON assessments;
--> statement-breakpoint
CREATE TRIGGER assessments_append_only
  BEFORE UPDATE ON assessments
  FOR EACH ROW EXECUTE FUNCTION assessments_guard_update();
