-- Support cards are evidence before a labor board: once signed they are never changed or erased.
-- The only way a card, its revocation, its scan or a card text version disappears is with its
-- whole campaign (ON DELETE CASCADE from campaigns, e.g. resetting the demo): the triggers let a
-- row go only when its campaign no longer exists.
CREATE OR REPLACE FUNCTION cards_refuse_change() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' AND NOT EXISTS (SELECT 1 FROM campaigns WHERE id = OLD.campaign_id) THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION '% is append-only (% refused)', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
-- On cards, UPDATE may touch only the organizers' match to the roster, set the confirmation mail
-- once, and lose the entering account if that account is deleted. The signed content never moves.
CREATE OR REPLACE FUNCTION cards_guard_update() RETURNS trigger AS $$
BEGIN
  IF (NEW.id, NEW.campaign_id, NEW.card_text_id, NEW.card_text_version, NEW.card_text, NEW.employer_name,
      NEW.worksite_id, NEW.worksite_name, NEW.signer_name, NEW.email, NEW.phone, NEW.job_title, NEW.employee_id,
      NEW.signed_on, NEW.signed_at, NEW.source, NEW.typed_signature, NEW.ip, NEW.user_agent, NEW.content_hash, NEW.created_at)
     IS DISTINCT FROM
     (OLD.id, OLD.campaign_id, OLD.card_text_id, OLD.card_text_version, OLD.card_text, OLD.employer_name,
      OLD.worksite_id, OLD.worksite_name, OLD.signer_name, OLD.email, OLD.phone, OLD.job_title, OLD.employee_id,
      OLD.signed_on, OLD.signed_at, OLD.source, OLD.typed_signature, OLD.ip, OLD.user_agent, OLD.content_hash, OLD.created_at)
  THEN
    RAISE EXCEPTION 'cards are append-only: the signed content of a card cannot be changed' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF OLD.confirmation_mail_id IS NOT NULL AND NEW.confirmation_mail_id IS DISTINCT FROM OLD.confirmation_mail_id THEN
    RAISE EXCEPTION 'cards are append-only: the confirmation mail is set once' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF NEW.entered_by IS DISTINCT FROM OLD.entered_by AND NEW.entered_by IS NOT NULL THEN
    RAISE EXCEPTION 'cards are append-only: who entered a card cannot be changed' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER cards_append_only_update BEFORE UPDATE ON cards FOR EACH ROW EXECUTE FUNCTION cards_guard_update();
--> statement-breakpoint
CREATE TRIGGER cards_append_only_delete BEFORE DELETE ON cards FOR EACH ROW EXECUTE FUNCTION cards_refuse_change();
--> statement-breakpoint
CREATE TRIGGER cards_no_truncate BEFORE TRUNCATE ON cards FOR EACH STATEMENT EXECUTE FUNCTION cards_refuse_change();
--> statement-breakpoint
CREATE TRIGGER card_revocations_append_only BEFORE UPDATE OR DELETE ON card_revocations FOR EACH ROW EXECUTE FUNCTION cards_refuse_change();
--> statement-breakpoint
CREATE TRIGGER card_revocations_no_truncate BEFORE TRUNCATE ON card_revocations FOR EACH STATEMENT EXECUTE FUNCTION cards_refuse_change();
--> statement-breakpoint
CREATE TRIGGER card_scans_append_only BEFORE UPDATE OR DELETE ON card_scans FOR EACH ROW EXECUTE FUNCTION cards_refuse_change();
--> statement-breakpoint
CREATE TRIGGER card_scans_no_truncate BEFORE TRUNCATE ON card_scans FOR EACH STATEMENT EXECUTE FUNCTION cards_refuse_change();
--> statement-breakpoint
CREATE TRIGGER card_texts_append_only BEFORE UPDATE OR DELETE ON card_texts FOR EACH ROW EXECUTE FUNCTION cards_refuse_change();
--> statement-breakpoint

-- Support counters: every write that can move a worksite's numbers marks that worksite dirty, in
-- the same transaction (statement-level triggers with transition tables: one INSERT per statement,
-- even for a million-row roster import). A person's count sits at one worksite per unit, so when a
-- person's employments or cards change, every worksite they work at is marked. Campaigns whose
-- counters were never built (no support_counter_state row) are skipped: their first read builds all.
CREATE OR REPLACE FUNCTION support_mark_dirty_for_people(person_ids uuid[]) RETURNS void AS $$
  INSERT INTO support_counter_dirty (campaign_id, worksite_id)
  SELECT DISTINCT e.campaign_id, e.worksite_id
  FROM employments e
  JOIN support_counter_state s ON s.campaign_id = e.campaign_id
  WHERE e.person_id = ANY (person_ids)
  ON CONFLICT DO NOTHING;
$$ LANGUAGE sql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION support_dirty_employments_insert() RETURNS trigger AS $$
BEGIN
  PERFORM support_mark_dirty_for_people(ARRAY(SELECT DISTINCT person_id FROM new_rows));
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION support_dirty_employments_update() RETURNS trigger AS $$
BEGIN
  PERFORM support_mark_dirty_for_people(ARRAY(SELECT person_id FROM new_rows UNION SELECT person_id FROM old_rows));
  INSERT INTO support_counter_dirty (campaign_id, worksite_id)
  SELECT DISTINCT o.campaign_id, o.worksite_id FROM old_rows o
  JOIN support_counter_state s ON s.campaign_id = o.campaign_id
  JOIN worksites w ON w.id = o.worksite_id
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION support_dirty_employments_delete() RETURNS trigger AS $$
BEGIN
  PERFORM support_mark_dirty_for_people(ARRAY(SELECT DISTINCT person_id FROM old_rows));
  INSERT INTO support_counter_dirty (campaign_id, worksite_id)
  SELECT DISTINCT o.campaign_id, o.worksite_id FROM old_rows o
  JOIN support_counter_state s ON s.campaign_id = o.campaign_id
  JOIN worksites w ON w.id = o.worksite_id
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER employments_support_dirty_insert AFTER INSERT ON employments REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION support_dirty_employments_insert();
--> statement-breakpoint
CREATE TRIGGER employments_support_dirty_update AFTER UPDATE ON employments REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION support_dirty_employments_update();
--> statement-breakpoint
CREATE TRIGGER employments_support_dirty_delete AFTER DELETE ON employments REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION support_dirty_employments_delete();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION support_dirty_cards_insert() RETURNS trigger AS $$
BEGIN
  PERFORM support_mark_dirty_for_people(ARRAY(SELECT DISTINCT person_id FROM new_rows WHERE person_id IS NOT NULL));
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION support_dirty_cards_update() RETURNS trigger AS $$
BEGIN
  PERFORM support_mark_dirty_for_people(ARRAY(
    SELECT n.person_id FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE n.person_id IS DISTINCT FROM o.person_id AND n.person_id IS NOT NULL
    UNION
    SELECT o.person_id FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE n.person_id IS DISTINCT FROM o.person_id AND o.person_id IS NOT NULL));
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION support_dirty_revocations_insert() RETURNS trigger AS $$
BEGIN
  PERFORM support_mark_dirty_for_people(ARRAY(
    SELECT DISTINCT c.person_id FROM new_rows r JOIN cards c ON c.id = r.card_id WHERE c.person_id IS NOT NULL));
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER cards_support_dirty_insert AFTER INSERT ON cards REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION support_dirty_cards_insert();
--> statement-breakpoint
CREATE TRIGGER cards_support_dirty_update AFTER UPDATE ON cards REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION support_dirty_cards_update();
--> statement-breakpoint
CREATE TRIGGER card_revocations_support_dirty_insert AFTER INSERT ON card_revocations REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION support_dirty_revocations_insert();
--> statement-breakpoint
-- A change of the validity rule or the time zone changes every count: rebuild on the next read.
CREATE OR REPLACE FUNCTION support_reset_on_campaign_rules() RETURNS trigger AS $$
BEGIN
  IF NEW.card_validity_months IS DISTINCT FROM OLD.card_validity_months OR NEW.time_zone IS DISTINCT FROM OLD.time_zone THEN
    DELETE FROM support_counter_state WHERE campaign_id = NEW.id;
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER campaigns_support_reset AFTER UPDATE ON campaigns FOR EACH ROW EXECUTE FUNCTION support_reset_on_campaign_rules();
--> statement-breakpoint
-- Names of worksites and units are part of the numbers a process may cache: any change to them
-- bumps the campaign's counter version (and a new or removed worksite is counted at the next read).
CREATE OR REPLACE FUNCTION support_bump_version_new() RETURNS trigger AS $$
BEGIN
  UPDATE support_counter_state SET version = version + 1 WHERE campaign_id IN (SELECT DISTINCT campaign_id FROM new_rows);
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION support_bump_version_old() RETURNS trigger AS $$
BEGIN
  UPDATE support_counter_state SET version = version + 1 WHERE campaign_id IN (SELECT DISTINCT campaign_id FROM old_rows);
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER worksites_support_version_insert AFTER INSERT ON worksites REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION support_bump_version_new();
--> statement-breakpoint
CREATE TRIGGER worksites_support_version_update AFTER UPDATE ON worksites REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION support_bump_version_new();
--> statement-breakpoint
CREATE TRIGGER worksites_support_version_delete AFTER DELETE ON worksites REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION support_bump_version_old();
--> statement-breakpoint
CREATE TRIGGER bargaining_units_support_version_insert AFTER INSERT ON bargaining_units REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION support_bump_version_new();
--> statement-breakpoint
CREATE TRIGGER bargaining_units_support_version_update AFTER UPDATE ON bargaining_units REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION support_bump_version_new();
--> statement-breakpoint
CREATE TRIGGER bargaining_units_support_version_delete AFTER DELETE ON bargaining_units REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION support_bump_version_old();
