CREATE TABLE "update_consents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"address" text NOT NULL,
	"person_ref" text,
	"lang" text DEFAULT 'en' NOT NULL,
	"source" text NOT NULL,
	"given_on" date NOT NULL,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"withdrawn_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "mail_messages" ADD COLUMN "bounced_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "newsletters" ADD COLUMN "audiences" text[] DEFAULT '{subscribers}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "newsletters" ADD COLUMN "audience_event_id" uuid;--> statement-breakpoint
ALTER TABLE "newsletters" ADD COLUMN "version_of" uuid;--> statement-breakpoint
ALTER TABLE "update_consents" ADD CONSTRAINT "update_consents_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "update_consents" ADD CONSTRAINT "update_consents_recorded_by_accounts_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "update_consents_campaign_idx" ON "update_consents" USING btree ("campaign_id");--> statement-breakpoint
CREATE INDEX "mail_messages_message_id_idx" ON "mail_messages" USING btree ("message_id") WHERE "mail_messages"."message_id" is not null;