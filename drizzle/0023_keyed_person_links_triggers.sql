-- Decision 0028: a card and its verification link to their roster person by a keyed pseudonym
-- (person_key) and a sealed person id (person_ref), never by a clear person_id. The database holds
-- no key, so two things move out of SQL into the application, which has it:
--
-- 1. Marking the support counters dirty when a card starts or stops counting. The triggers read
--    cards.person_id to find every worksite the person works at; a pseudonym cannot be turned back
--    into a person, so the cards repository now marks the person's worksites itself, in the same
--    transaction (it knows the clear person id when it writes). The triggers stay as a floor for
--    any other writer (a fixture, a hand-written fix): they mark the worksite on the card, where its
--    signer almost always works. The employments' triggers (0005) are unchanged.
CREATE OR REPLACE FUNCTION support_mark_dirty_worksites(pairs jsonb) RETURNS void AS $$
  INSERT INTO support_counter_dirty (campaign_id, worksite_id)
  SELECT DISTINCT (p ->> 'c')::uuid, (p ->> 'w')::uuid
  FROM jsonb_array_elements(pairs) p
  JOIN support_counter_state s ON s.campaign_id = (p ->> 'c')::uuid
  JOIN worksites w ON w.id = (p ->> 'w')::uuid
  ON CONFLICT DO NOTHING;
$$ LANGUAGE sql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION support_dirty_cards_insert() RETURNS trigger AS $$
BEGIN
  PERFORM support_mark_dirty_worksites(coalesce((SELECT jsonb_agg(jsonb_build_object('c', campaign_id, 'w', worksite_id)) FROM new_rows
    WHERE person_key IS NOT NULL OR person_id IS NOT NULL), '[]'));
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION support_dirty_cards_update() RETURNS trigger AS $$
BEGIN
  PERFORM support_mark_dirty_worksites(coalesce((SELECT jsonb_agg(jsonb_build_object('c', n.campaign_id, 'w', n.worksite_id))
    FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE n.person_key IS DISTINCT FROM o.person_key), '[]'));
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION support_dirty_revocations_insert() RETURNS trigger AS $$
BEGIN
  PERFORM support_mark_dirty_worksites(coalesce((SELECT jsonb_agg(jsonb_build_object('c', c.campaign_id, 'w', c.worksite_id))
    FROM new_rows r JOIN cards c ON c.id = r.card_id), '[]'));
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION support_dirty_card_records_insert() RETURNS trigger AS $$
BEGIN
  PERFORM support_mark_dirty_worksites(coalesce((SELECT jsonb_agg(jsonb_build_object('c', c.campaign_id, 'w', c.worksite_id))
    FROM new_rows v JOIN cards c ON c.id = v.card_id), '[]'));
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
-- 2. Keying the links of rows written before this migration (upgradePersonLinks, at the first
--    start with the key). The guards allow exactly that change: the clear person_id emptied, the
--    keyed link set, nothing else moving. Otherwise a verified card's match still never moves.
CREATE OR REPLACE FUNCTION cards_guard_update() RETURNS trigger AS $$
BEGIN
  IF (NEW.id, NEW.campaign_id, NEW.card_text_id, NEW.card_text_version, NEW.card_text, NEW.employer_name,
      NEW.worksite_id, NEW.worksite_name, NEW.signer_name, NEW.email, NEW.phone, NEW.job_title, NEW.employee_id,
      NEW.signed_on, NEW.signed_at, NEW.source, NEW.typed_signature, NEW.ip, NEW.user_agent, NEW.content_hash, NEW.created_at,
      NEW.confirmation_token_hash)
     IS DISTINCT FROM
     (OLD.id, OLD.campaign_id, OLD.card_text_id, OLD.card_text_version, OLD.card_text, OLD.employer_name,
      OLD.worksite_id, OLD.worksite_name, OLD.signer_name, OLD.email, OLD.phone, OLD.job_title, OLD.employee_id,
      OLD.signed_on, OLD.signed_at, OLD.source, OLD.typed_signature, OLD.ip, OLD.user_agent, OLD.content_hash, OLD.created_at,
      OLD.confirmation_token_hash)
  THEN
    RAISE EXCEPTION 'cards are append-only: the signed content of a card cannot be changed' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF OLD.confirmation_mail_id IS NOT NULL AND NEW.confirmation_mail_id IS DISTINCT FROM OLD.confirmation_mail_id THEN
    RAISE EXCEPTION 'cards are append-only: the confirmation mail is set once' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF NEW.entered_by IS DISTINCT FROM OLD.entered_by AND NEW.entered_by IS NOT NULL THEN
    RAISE EXCEPTION 'cards are append-only: who entered a card cannot be changed' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF NEW.person_id IS NOT NULL AND NEW.person_id IS DISTINCT FROM OLD.person_id THEN
    RAISE EXCEPTION 'cards: the link to a person is keyed (decision 0028), never written in clear' USING ERRCODE = 'insufficient_privilege';
  END IF;
  -- A verified card's match is what was verified: it no longer moves.
  IF (NEW.person_key, NEW.person_ref, NEW.person_id, NEW.match_status) IS DISTINCT FROM (OLD.person_key, OLD.person_ref, OLD.person_id, OLD.match_status)
     AND NOT (OLD.person_id IS NOT NULL AND NEW.person_id IS NULL AND OLD.person_key IS NULL AND NEW.person_key IS NOT NULL
              AND NEW.person_ref IS NOT NULL AND NEW.match_status = OLD.match_status)
     AND EXISTS (SELECT 1 FROM card_verifications v WHERE v.card_id = OLD.id) THEN
    RAISE EXCEPTION 'cards: the match of a verified card cannot change' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION card_verifications_refuse_change() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' AND NOT EXISTS (SELECT 1 FROM campaigns WHERE id = OLD.campaign_id) THEN
    RETURN OLD;
  END IF;
  -- The verifier's account deleted.
  IF TG_OP = 'UPDATE' AND (to_jsonb(NEW) - 'verified_by') = (to_jsonb(OLD) - 'verified_by') AND NEW.verified_by IS NULL THEN
    RETURN NEW;
  END IF;
  -- A link written before decision 0028, keyed.
  IF TG_OP = 'UPDATE' AND OLD.person_id IS NOT NULL AND NEW.person_id IS NULL AND OLD.person_key IS NULL
     AND NEW.person_key IS NOT NULL AND NEW.person_ref IS NOT NULL
     AND (to_jsonb(NEW) - 'person_id' - 'person_key' - 'person_ref') = (to_jsonb(OLD) - 'person_id' - 'person_key' - 'person_ref') THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION '% is append-only (% refused)', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
DROP TRIGGER IF EXISTS card_verifications_append_only ON card_verifications;
--> statement-breakpoint
CREATE TRIGGER card_verifications_append_only BEFORE UPDATE OR DELETE ON card_verifications FOR EACH ROW EXECUTE FUNCTION card_verifications_refuse_change();
