CREATE TABLE "card_confirmations" (
	"card_id" uuid PRIMARY KEY NOT NULL,
	"campaign_id" uuid NOT NULL,
	"answer" text NOT NULL,
	"method" text NOT NULL,
	"recorded_by" uuid,
	"note" text DEFAULT '' NOT NULL,
	"ip" text,
	"answered_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "card_dismissals" (
	"card_id" uuid PRIMARY KEY NOT NULL,
	"campaign_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"dismissed_by" uuid,
	"dismissed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "card_text_approvals" (
	"card_text_id" uuid PRIMARY KEY NOT NULL,
	"campaign_id" uuid NOT NULL,
	"approved_by" uuid,
	"approved_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "card_verifications" (
	"card_id" uuid PRIMARY KEY NOT NULL,
	"campaign_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"method" text NOT NULL,
	"verified_by" uuid,
	"note" text DEFAULT '' NOT NULL,
	"verified_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "public_number_publications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" bigint GENERATED ALWAYS AS IDENTITY (sequence name "public_number_publications_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"campaign_id" uuid NOT NULL,
	"as_of" date NOT NULL,
	"granularity" integer NOT NULL,
	"educators" integer NOT NULL,
	"schools" integer NOT NULL,
	"educators_shown" integer NOT NULL,
	"schools_shown" integer NOT NULL,
	"automatic" boolean DEFAULT false NOT NULL,
	"published_by" uuid,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "public_numbers_granularity" integer DEFAULT 5 NOT NULL;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "public_numbers_auto_publish" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "employers" ADD COLUMN "email_domains" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "card_texts" ADD COLUMN "language" text DEFAULT 'en' NOT NULL;--> statement-breakpoint
ALTER TABLE "cards" ADD COLUMN "confirmation_token_hash" text;--> statement-breakpoint
ALTER TABLE "card_confirmations" ADD CONSTRAINT "card_confirmations_card_id_cards_id_fk" FOREIGN KEY ("card_id") REFERENCES "public"."cards"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "card_confirmations" ADD CONSTRAINT "card_confirmations_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "card_confirmations" ADD CONSTRAINT "card_confirmations_recorded_by_accounts_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "card_dismissals" ADD CONSTRAINT "card_dismissals_card_id_cards_id_fk" FOREIGN KEY ("card_id") REFERENCES "public"."cards"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "card_dismissals" ADD CONSTRAINT "card_dismissals_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "card_dismissals" ADD CONSTRAINT "card_dismissals_dismissed_by_accounts_id_fk" FOREIGN KEY ("dismissed_by") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "card_text_approvals" ADD CONSTRAINT "card_text_approvals_card_text_id_card_texts_id_fk" FOREIGN KEY ("card_text_id") REFERENCES "public"."card_texts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "card_text_approvals" ADD CONSTRAINT "card_text_approvals_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "card_text_approvals" ADD CONSTRAINT "card_text_approvals_approved_by_accounts_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "card_verifications" ADD CONSTRAINT "card_verifications_card_id_cards_id_fk" FOREIGN KEY ("card_id") REFERENCES "public"."cards"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "card_verifications" ADD CONSTRAINT "card_verifications_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "card_verifications" ADD CONSTRAINT "card_verifications_verified_by_accounts_id_fk" FOREIGN KEY ("verified_by") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "public_number_publications" ADD CONSTRAINT "public_number_publications_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "public_number_publications" ADD CONSTRAINT "public_number_publications_published_by_accounts_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "public_number_publications_campaign_idx" ON "public_number_publications" USING btree ("campaign_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "cards_confirmation_token_key" ON "cards" USING btree ("confirmation_token_hash");--> statement-breakpoint
-- Names are matched accent-, case- and spacing-blind (decision 0023). Both extensions ship with
-- PostgreSQL's contrib, and so with the embedded server.
CREATE EXTENSION IF NOT EXISTS unaccent;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
-- Names inside the bodies are schema-qualified: pg_restore runs with an empty search_path, and
-- the index below calls these functions while it is rebuilt.
-- unaccent() is only STABLE (its dictionary could change); naming the dictionary makes a wrapper
-- that may be IMMUTABLE, so it can be used in an index.
CREATE OR REPLACE FUNCTION unionhall_unaccent(text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;
--> statement-breakpoint
-- A name as words for fuzzy comparison: accents off, lower case, punctuation as spaces, one space
-- between words. "Sandoval, Tomás" → "sandoval tomas".
CREATE OR REPLACE FUNCTION unionhall_name_words(text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
AS $$ SELECT btrim(regexp_replace(lower(public.unionhall_unaccent($1)), '[[:space:][:punct:]’‘·]+', ' ', 'g')) $$;
--> statement-breakpoint
-- A name as one key for exact comparison: the words run together, so "Ana de la Cruz", "Ana
-- DeLaCruz" and "ana  de-la cruz" are one key. (The database runs in the C locale: [:punct:] is
-- ASCII punctuation, so letters of any script stay in the key.)
CREATE OR REPLACE FUNCTION unionhall_name_key(text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
AS $$ SELECT replace(public.unionhall_name_words($1), ' ', '') $$;
--> statement-breakpoint
CREATE INDEX people_name_words_trgm_idx ON people USING gin (unionhall_name_words(given_name || ' ' || family_name) gin_trgm_ops);
--> statement-breakpoint
-- The new card records are append-only like the cards (0005): an answer, a verification, a
-- dismissal, an approval and a publication are facts. The one change allowed is the account
-- column named in the trigger's argument becoming NULL when that account is deleted.
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
  RAISE EXCEPTION '% is append-only (% refused)', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER card_confirmations_append_only BEFORE UPDATE OR DELETE ON card_confirmations FOR EACH ROW EXECUTE FUNCTION card_records_refuse_change('recorded_by');
--> statement-breakpoint
CREATE TRIGGER card_confirmations_no_truncate BEFORE TRUNCATE ON card_confirmations FOR EACH STATEMENT EXECUTE FUNCTION cards_refuse_change();
--> statement-breakpoint
CREATE TRIGGER card_verifications_append_only BEFORE UPDATE OR DELETE ON card_verifications FOR EACH ROW EXECUTE FUNCTION card_records_refuse_change('verified_by');
--> statement-breakpoint
CREATE TRIGGER card_verifications_no_truncate BEFORE TRUNCATE ON card_verifications FOR EACH STATEMENT EXECUTE FUNCTION cards_refuse_change();
--> statement-breakpoint
CREATE TRIGGER card_dismissals_append_only BEFORE UPDATE OR DELETE ON card_dismissals FOR EACH ROW EXECUTE FUNCTION card_records_refuse_change('dismissed_by');
--> statement-breakpoint
CREATE TRIGGER card_dismissals_no_truncate BEFORE TRUNCATE ON card_dismissals FOR EACH STATEMENT EXECUTE FUNCTION cards_refuse_change();
--> statement-breakpoint
CREATE TRIGGER card_text_approvals_append_only BEFORE UPDATE OR DELETE ON card_text_approvals FOR EACH ROW EXECUTE FUNCTION card_records_refuse_change('approved_by');
--> statement-breakpoint
CREATE TRIGGER public_number_publications_append_only BEFORE UPDATE OR DELETE ON public_number_publications FOR EACH ROW EXECUTE FUNCTION card_records_refuse_change('published_by');
--> statement-breakpoint
-- The confirmation link's hash is fixed with the card, like its signed content.
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
  -- A verified card's match is what was verified: it no longer moves (a person deleted from the
  -- roster still takes it along, and the card stops counting).
  IF NEW.person_id IS NOT NULL AND (NEW.person_id, NEW.match_status) IS DISTINCT FROM (OLD.person_id, OLD.match_status)
     AND EXISTS (SELECT 1 FROM card_verifications v WHERE v.card_id = OLD.id) THEN
    RAISE EXCEPTION 'cards: the match of a verified card cannot change' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
-- A verification makes a card count, and a signer's "I did not sign" stops it counting: both mark
-- the person's worksites dirty (see 0005), in the same transaction.
CREATE OR REPLACE FUNCTION support_dirty_card_records_insert() RETURNS trigger AS $$
BEGIN
  PERFORM support_mark_dirty_for_people(ARRAY(
    SELECT DISTINCT c.person_id FROM new_rows v JOIN cards c ON c.id = v.card_id WHERE c.person_id IS NOT NULL));
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER card_verifications_support_dirty_insert AFTER INSERT ON card_verifications REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION support_dirty_card_records_insert();
--> statement-breakpoint
CREATE TRIGGER card_confirmations_support_dirty_insert AFTER INSERT ON card_confirmations REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION support_dirty_card_records_insert();
--> statement-breakpoint
-- Texts written before texts were approved were in use: they are approved as of their writing.
INSERT INTO card_text_approvals (card_text_id, campaign_id, approved_by, approved_at)
SELECT id, campaign_id, created_by, created_at FROM card_texts;
--> statement-breakpoint
-- A paper card was typed in by an organizer holding the signed paper: verified at entry, as paper
-- cards now are. Electronic cards signed before this migration were never confirmed by their
-- signer and are not verified here: they wait for an organizer (decision 0023).
INSERT INTO card_verifications (card_id, campaign_id, person_id, method, verified_by, note, verified_at)
SELECT id, campaign_id, person_id, 'paper_entry', entered_by, 'Paper card entered before verification was recorded.', created_at
FROM cards WHERE source = 'paper' AND person_id IS NOT NULL;
