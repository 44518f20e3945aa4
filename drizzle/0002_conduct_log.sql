CREATE TABLE "attachment_contents" (
	"attachment_id" uuid PRIMARY KEY NOT NULL,
	"content" "bytea" NOT NULL
);
--> statement-breakpoint
CREATE TABLE "attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"filename" text NOT NULL,
	"media_type" text NOT NULL,
	"size_bytes" bigint NOT NULL,
	"sha256" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"uploaded_by_account_id" uuid,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "employer_agents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"name" text NOT NULL,
	"role" text NOT NULL,
	"title" text DEFAULT '' NOT NULL,
	"worksite_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "incident_agents" (
	"incident_id" uuid NOT NULL,
	"agent_id" uuid NOT NULL,
	CONSTRAINT "incident_agents_incident_id_agent_id_pk" PRIMARY KEY("incident_id","agent_id")
);
--> statement-breakpoint
CREATE TABLE "incident_attachments" (
	"incident_id" uuid NOT NULL,
	"attachment_id" uuid NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "incident_attachments_incident_id_attachment_id_pk" PRIMARY KEY("incident_id","attachment_id")
);
--> statement-breakpoint
CREATE TABLE "incident_provisions" (
	"incident_id" uuid NOT NULL,
	"provision_id" uuid NOT NULL,
	CONSTRAINT "incident_provisions_incident_id_provision_id_pk" PRIMARY KEY("incident_id","provision_id")
);
--> statement-breakpoint
CREATE TABLE "incident_quotes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"incident_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"text" text NOT NULL,
	"speaker_agent_id" uuid,
	"source" text DEFAULT '' NOT NULL,
	"attachment_id" uuid,
	"page_from" integer,
	"page_to" integer
);
--> statement-breakpoint
CREATE TABLE "incident_status_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"incident_id" uuid NOT NULL,
	"status" text NOT NULL,
	"charge_number" text,
	"note" text DEFAULT '' NOT NULL,
	"changed_by_account_id" uuid,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "incident_witnesses" (
	"incident_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	CONSTRAINT "incident_witnesses_incident_id_person_id_pk" PRIMARY KEY("incident_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "incident_worksites" (
	"incident_id" uuid NOT NULL,
	"worksite_id" uuid NOT NULL,
	CONSTRAINT "incident_worksites_incident_id_worksite_id_pk" PRIMARY KEY("incident_id","worksite_id")
);
--> statement-breakpoint
CREATE TABLE "incidents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"occurred_on" date NOT NULL,
	"occurred_time" time,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'documented' NOT NULL,
	"charge_number" text,
	"provisions_chosen" boolean DEFAULT false NOT NULL,
	"recorded_by_account_id" uuid,
	"reported_by_account_id" uuid,
	"reported_by_person_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "legal_provisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid,
	"jurisdiction" text NOT NULL,
	"code" text NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"deadline_months" integer DEFAULT 6 NOT NULL,
	"default_kinds" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "attachment_contents" ADD CONSTRAINT "attachment_contents_attachment_id_attachments_id_fk" FOREIGN KEY ("attachment_id") REFERENCES "public"."attachments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_uploaded_by_account_id_accounts_id_fk" FOREIGN KEY ("uploaded_by_account_id") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employer_agents" ADD CONSTRAINT "employer_agents_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employer_agents" ADD CONSTRAINT "employer_agents_worksite_id_worksites_id_fk" FOREIGN KEY ("worksite_id") REFERENCES "public"."worksites"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_agents" ADD CONSTRAINT "incident_agents_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_agents" ADD CONSTRAINT "incident_agents_agent_id_employer_agents_id_fk" FOREIGN KEY ("agent_id") REFERENCES "public"."employer_agents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_attachments" ADD CONSTRAINT "incident_attachments_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_attachments" ADD CONSTRAINT "incident_attachments_attachment_id_attachments_id_fk" FOREIGN KEY ("attachment_id") REFERENCES "public"."attachments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_provisions" ADD CONSTRAINT "incident_provisions_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_provisions" ADD CONSTRAINT "incident_provisions_provision_id_legal_provisions_id_fk" FOREIGN KEY ("provision_id") REFERENCES "public"."legal_provisions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_quotes" ADD CONSTRAINT "incident_quotes_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_quotes" ADD CONSTRAINT "incident_quotes_speaker_agent_id_employer_agents_id_fk" FOREIGN KEY ("speaker_agent_id") REFERENCES "public"."employer_agents"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_quotes" ADD CONSTRAINT "incident_quotes_attachment_id_attachments_id_fk" FOREIGN KEY ("attachment_id") REFERENCES "public"."attachments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_status_changes" ADD CONSTRAINT "incident_status_changes_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_status_changes" ADD CONSTRAINT "incident_status_changes_changed_by_account_id_accounts_id_fk" FOREIGN KEY ("changed_by_account_id") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_witnesses" ADD CONSTRAINT "incident_witnesses_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_witnesses" ADD CONSTRAINT "incident_witnesses_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_worksites" ADD CONSTRAINT "incident_worksites_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_worksites" ADD CONSTRAINT "incident_worksites_worksite_id_worksites_id_fk" FOREIGN KEY ("worksite_id") REFERENCES "public"."worksites"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_recorded_by_account_id_accounts_id_fk" FOREIGN KEY ("recorded_by_account_id") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_reported_by_account_id_accounts_id_fk" FOREIGN KEY ("reported_by_account_id") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_reported_by_person_id_people_id_fk" FOREIGN KEY ("reported_by_person_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_provisions" ADD CONSTRAINT "legal_provisions_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "attachments_campaign_idx" ON "attachments" USING btree ("campaign_id");--> statement-breakpoint
CREATE INDEX "employer_agents_campaign_idx" ON "employer_agents" USING btree ("campaign_id");--> statement-breakpoint
CREATE INDEX "incident_agents_agent_idx" ON "incident_agents" USING btree ("agent_id");--> statement-breakpoint
CREATE INDEX "incident_provisions_provision_idx" ON "incident_provisions" USING btree ("provision_id");--> statement-breakpoint
CREATE INDEX "incident_quotes_incident_idx" ON "incident_quotes" USING btree ("incident_id","position");--> statement-breakpoint
CREATE INDEX "incident_status_changes_incident_idx" ON "incident_status_changes" USING btree ("incident_id","changed_at");--> statement-breakpoint
CREATE INDEX "incident_worksites_worksite_idx" ON "incident_worksites" USING btree ("worksite_id");--> statement-breakpoint
CREATE INDEX "incidents_campaign_date_idx" ON "incidents" USING btree ("campaign_id","occurred_on");--> statement-breakpoint
CREATE UNIQUE INDEX "legal_provisions_builtin_key" ON "legal_provisions" USING btree ("jurisdiction","code") WHERE "legal_provisions"."campaign_id" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "legal_provisions_campaign_key" ON "legal_provisions" USING btree ("campaign_id","jurisdiction","code") WHERE "legal_provisions"."campaign_id" is not null;