-- Decision 0046: what organizers write about a card (verification and answer notes, revocation and
-- dismissal reasons) and the address a signer answered from are sealed by the keyring, like the
-- card itself; so are the address and the named person of a card's audit rows. The database holds
-- no key, so rows written before are sealed by the app at its next start (sealCardNotes). These
-- tables are append-only; the guards below allow exactly that change and nothing else: named text
-- fields going from clear to sealed ('uh1.' prefix, src/crypto/keyring.ts), every other field as it
-- was. A sealed value can never be written back in clear.
CREATE OR REPLACE FUNCTION unionhall_only_seals(old_row jsonb, new_row jsonb, fields text[]) RETURNS boolean AS $$
DECLARE
  f text;
  o text;
  n text;
  sealed boolean := false;
BEGIN
  IF (old_row - fields) IS DISTINCT FROM (new_row - fields) THEN
    RETURN false;
  END IF;
  FOREACH f IN ARRAY fields LOOP
    o := old_row ->> f;
    n := new_row ->> f;
    CONTINUE WHEN o IS NOT DISTINCT FROM n;
    IF o IS NULL OR o LIKE 'uh1.%' OR n IS NULL OR n NOT LIKE 'uh1.%' THEN
      RETURN false;
    END IF;
    sealed := true;
  END LOOP;
  RETURN sealed;
END;
$$ LANGUAGE plpgsql IMMUTABLE;
--> statement-breakpoint
-- Answers, dismissals, approvals, publications (0012) and now revocations: the account column named
-- in the argument may become NULL when that account is deleted, and a note or reason may be sealed.
CREATE OR REPLACE FUNCTION card_records_refuse_change() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' AND NOT EXISTS (SELECT 1 FROM campaigns WHERE id = OLD.campaign_id) THEN
    RETURN OLD;
  END IF;
  IF TG_OP = 'UPDATE' AND TG_NARGS > 0
     AND (to_jsonb(NEW) - TG_ARGV[0]) = (to_jsonb(OLD) - TG_ARGV[0])
     AND (to_jsonb(NEW) ->> TG_ARGV[0]) IS NULL THEN
    RETURN NEW;
  END IF;
  IF TG_OP = 'UPDATE' AND unionhall_only_seals(to_jsonb(OLD), to_jsonb(NEW), ARRAY['note', 'ip', 'reason']) THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION '% is append-only (% refused)', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
-- Revocations refused every UPDATE (0005), which also refused deleting the account that recorded
-- one (recorded_by is ON DELETE SET NULL); they now follow the other card records.
DROP TRIGGER IF EXISTS card_revocations_append_only ON card_revocations;
--> statement-breakpoint
CREATE TRIGGER card_revocations_append_only BEFORE UPDATE OR DELETE ON card_revocations FOR EACH ROW EXECUTE FUNCTION card_records_refuse_change('recorded_by');
--> statement-breakpoint
-- Verifications (0023): the same, beside the keying of a clear person link.
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
  -- A note written before decision 0046, sealed.
  IF TG_OP = 'UPDATE' AND unionhall_only_seals(to_jsonb(OLD), to_jsonb(NEW), ARRAY['note']) THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION '% is append-only (% refused)', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
-- The audit log stays append-only (0001, decision 0008) but for one change to rows about a card:
-- the address, and the person ids and reason in the details, written in clear before decisions
-- 0028 and 0046, sealed. Who did what to which card, and when, never moves.
CREATE OR REPLACE FUNCTION audit_events_refuse_change() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.subject_type = 'card'
     AND (to_jsonb(NEW) - 'ip' - 'details') = (to_jsonb(OLD) - 'ip' - 'details')
     AND unionhall_only_seals(jsonb_build_object('ip', OLD.ip) || OLD.details, jsonb_build_object('ip', NEW.ip) || NEW.details,
                              ARRAY['ip', 'personId', 'previousPersonId', 'reason']) THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'audit_events is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
