CREATE TABLE "card_revocations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"card_id" uuid NOT NULL,
	"campaign_id" uuid NOT NULL,
	"effective_on" date NOT NULL,
	"reason" text NOT NULL,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "card_scans" (
	"card_id" uuid PRIMARY KEY NOT NULL,
	"campaign_id" uuid NOT NULL,
	"filename" text NOT NULL,
	"content_type" text NOT NULL,
	"byte_size" integer NOT NULL,
	"sha256" text NOT NULL,
	"bytes" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "card_texts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cards" (
	"id" uuid PRIMARY KEY NOT NULL,
	"campaign_id" uuid NOT NULL,
	"card_text_id" uuid NOT NULL,
	"card_text_version" integer NOT NULL,
	"card_text" text NOT NULL,
	"employer_name" text NOT NULL,
	"worksite_id" uuid NOT NULL,
	"worksite_name" text NOT NULL,
	"signer_name" text NOT NULL,
	"email" text,
	"phone" text,
	"job_title" text NOT NULL,
	"employee_id" text,
	"signed_on" date NOT NULL,
	"signed_at" timestamp (3) with time zone,
	"source" text NOT NULL,
	"typed_signature" text,
	"ip" text,
	"user_agent" text,
	"content_hash" text NOT NULL,
	"confirmation_mail_id" uuid,
	"entered_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"person_id" uuid,
	"match_status" text NOT NULL,
	"match_method" text
);
--> statement-breakpoint
CREATE TABLE "support_counter_dirty" (
	"campaign_id" uuid NOT NULL,
	"worksite_id" uuid NOT NULL,
	CONSTRAINT "support_counter_dirty_campaign_id_worksite_id_pk" PRIMARY KEY("campaign_id","worksite_id")
);
--> statement-breakpoint
CREATE TABLE "support_counter_state" (
	"campaign_id" uuid PRIMARY KEY NOT NULL,
	"as_of" date NOT NULL,
	"refreshed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "support_counters" (
	"campaign_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"worksite_id" uuid NOT NULL,
	"eligible" integer NOT NULL,
	"valid_cards" integer NOT NULL,
	CONSTRAINT "support_counters_campaign_id_unit_id_worksite_id_pk" PRIMARY KEY("campaign_id","unit_id","worksite_id")
);
--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "card_validity_months" integer DEFAULT 12 NOT NULL;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "time_zone" text DEFAULT 'America/Los_Angeles' NOT NULL;--> statement-breakpoint
ALTER TABLE "card_revocations" ADD CONSTRAINT "card_revocations_card_id_cards_id_fk" FOREIGN KEY ("card_id") REFERENCES "public"."cards"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "card_revocations" ADD CONSTRAINT "card_revocations_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "card_revocations" ADD CONSTRAINT "card_revocations_recorded_by_accounts_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "card_scans" ADD CONSTRAINT "card_scans_card_id_cards_id_fk" FOREIGN KEY ("card_id") REFERENCES "public"."cards"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "card_scans" ADD CONSTRAINT "card_scans_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "card_texts" ADD CONSTRAINT "card_texts_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "card_texts" ADD CONSTRAINT "card_texts_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cards" ADD CONSTRAINT "cards_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cards" ADD CONSTRAINT "cards_card_text_id_card_texts_id_fk" FOREIGN KEY ("card_text_id") REFERENCES "public"."card_texts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cards" ADD CONSTRAINT "cards_worksite_id_worksites_id_fk" FOREIGN KEY ("worksite_id") REFERENCES "public"."worksites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cards" ADD CONSTRAINT "cards_entered_by_accounts_id_fk" FOREIGN KEY ("entered_by") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cards" ADD CONSTRAINT "cards_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_counter_dirty" ADD CONSTRAINT "support_counter_dirty_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_counter_dirty" ADD CONSTRAINT "support_counter_dirty_worksite_id_worksites_id_fk" FOREIGN KEY ("worksite_id") REFERENCES "public"."worksites"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_counter_state" ADD CONSTRAINT "support_counter_state_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_counters" ADD CONSTRAINT "support_counters_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_counters" ADD CONSTRAINT "support_counters_unit_id_bargaining_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."bargaining_units"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_counters" ADD CONSTRAINT "support_counters_worksite_id_worksites_id_fk" FOREIGN KEY ("worksite_id") REFERENCES "public"."worksites"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "card_revocations_card_key" ON "card_revocations" USING btree ("card_id");--> statement-breakpoint
CREATE UNIQUE INDEX "card_texts_campaign_version_key" ON "card_texts" USING btree ("campaign_id","version");--> statement-breakpoint
CREATE INDEX "cards_campaign_signed_idx" ON "cards" USING btree ("campaign_id","signed_on");--> statement-breakpoint
CREATE INDEX "cards_person_idx" ON "cards" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "cards_review_idx" ON "cards" USING btree ("campaign_id") WHERE "cards"."match_status" in ('unmatched', 'ambiguous');