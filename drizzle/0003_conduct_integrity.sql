-- Attachments are evidence: the bytes and their hash are fixed at upload. A corrected document is
-- a new attachment. The only way a file leaves the database is with its whole campaign (deleting a
-- campaign cascades here; the demo reset relies on it).
CREATE OR REPLACE FUNCTION attachments_refuse_change() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF EXISTS (SELECT 1 FROM campaigns WHERE id = OLD.campaign_id) THEN
      RAISE EXCEPTION 'attachments are never deleted (attachment %)', OLD.id USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN OLD;
  END IF;
  -- The description may be corrected; the uploader link is cleared when an account is removed.
  IF NEW.id IS DISTINCT FROM OLD.id OR NEW.campaign_id IS DISTINCT FROM OLD.campaign_id
     OR NEW.filename IS DISTINCT FROM OLD.filename OR NEW.media_type IS DISTINCT FROM OLD.media_type
     OR NEW.size_bytes IS DISTINCT FROM OLD.size_bytes OR NEW.sha256 IS DISTINCT FROM OLD.sha256
     OR NEW.uploaded_at IS DISTINCT FROM OLD.uploaded_at THEN
    RAISE EXCEPTION 'attachments are immutable (attachment %)', OLD.id USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER attachments_immutable
  BEFORE UPDATE OR DELETE ON attachments
  FOR EACH ROW EXECUTE FUNCTION attachments_refuse_change();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION attachment_contents_guard() RETURNS trigger AS $$
DECLARE
  expected_hash text;
  expected_size bigint;
BEGIN
  IF TG_OP = 'INSERT' THEN
    -- The recorded hash must be the hash of these bytes: the database checks it, not only the app.
    SELECT sha256, size_bytes INTO expected_hash, expected_size FROM attachments WHERE id = NEW.attachment_id;
    IF expected_hash IS NULL OR encode(sha256(NEW.content), 'hex') <> expected_hash OR octet_length(NEW.content) <> expected_size THEN
      RAISE EXCEPTION 'attachment content does not match its recorded SHA-256 and size (attachment %)', NEW.attachment_id USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
  END IF;
  IF TG_OP = 'DELETE' THEN
    IF EXISTS (SELECT 1 FROM attachments a JOIN campaigns c ON c.id = a.campaign_id WHERE a.id = OLD.attachment_id) THEN
      RAISE EXCEPTION 'attachment contents are never deleted (attachment %)', OLD.attachment_id USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'attachment contents are immutable (attachment %)', OLD.attachment_id USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER attachment_contents_immutable
  BEFORE INSERT OR UPDATE OR DELETE ON attachment_contents
  FOR EACH ROW EXECUTE FUNCTION attachment_contents_guard();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION attachments_refuse_truncate() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION '% cannot be truncated', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER attachments_no_truncate BEFORE TRUNCATE ON attachments FOR EACH STATEMENT EXECUTE FUNCTION attachments_refuse_truncate();
--> statement-breakpoint
CREATE TRIGGER attachment_contents_no_truncate BEFORE TRUNCATE ON attachment_contents FOR EACH STATEMENT EXECUTE FUNCTION attachments_refuse_truncate();
--> statement-breakpoint
ALTER TABLE incident_quotes ADD CONSTRAINT incident_quotes_pages_check CHECK (
  (page_from IS NULL AND page_to IS NULL) OR (page_from >= 1 AND (page_to IS NULL OR page_to >= page_from))
);
--> statement-breakpoint
ALTER TABLE incidents ADD CONSTRAINT incidents_charge_number_check CHECK (status <> 'charge_filed' OR charge_number IS NOT NULL);
--> statement-breakpoint
-- The built-in legal mapping. Admins add campaign-specific provisions through the app; these rows
-- are the starting point: the statutes the conduct most often breaches, and the kinds of conduct
-- each one is cited for by default. Charge deadlines: six months from the conduct under both
-- EERA (Gov. Code §3541.5(a)) and the NLRA (§10(b)).
INSERT INTO legal_provisions (jurisdiction, code, title, description, deadline_months, default_kinds) VALUES
  ('ca_perb', 'Gov. Code §3543.5', 'Interference with employee and union rights',
   'A public school employer may not threaten or impose reprisals on employees, discriminate against them, or otherwise interfere with, restrain or coerce them because they exercise their rights under EERA, nor deny an employee organization its rights.',
   6, '{captive_audience,one_on_one_pressure,interrogation,surveillance,threat,promise_of_benefit,denial_of_access,blocking_email,soliciting_parents,discipline}'),
  ('ca_perb', 'Gov. Code §3543.1(b)', 'Access to work areas and means of communication',
   'An employee organization may reach employees at reasonable times in the areas where they work and may use bulletin boards, mailboxes and other means of communication, subject only to reasonable regulation.',
   6, '{denial_of_access,blocking_email}'),
  ('ca_perb', 'Gov. Code §3550', 'Deterring or discouraging union membership',
   'A public employer may not deter or discourage employees or applicants from becoming or remaining members of an employee organization or from authorizing representation by one.',
   6, '{captive_audience,one_on_one_pressure,misleading_literature,soliciting_parents}'),
  ('nlrb', 'NLRA §8(a)(1)', 'Interference, restraint or coercion',
   'An employer may not interfere with, restrain or coerce employees in the exercise of their Section 7 rights to organize and act together.',
   6, '{captive_audience,one_on_one_pressure,interrogation,surveillance,threat,promise_of_benefit,denial_of_access,blocking_email,discipline}'),
  ('nlrb', 'NLRA §8(a)(3)', 'Discrimination to discourage membership',
   'An employer may not discriminate in hiring, tenure or any term or condition of employment to encourage or discourage membership in a labor organization.',
   6, '{discipline}');
