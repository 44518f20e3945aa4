CREATE TABLE "mail_bodies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"html_body" text NOT NULL,
	"link_marker" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mail_suppressions" (
	"campaign_id" uuid NOT NULL,
	"address" text NOT NULL,
	"reason" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mail_suppressions_campaign_id_address_pk" PRIMARY KEY("campaign_id","address")
);
--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "brand_color" text DEFAULT '#a3161a' NOT NULL;--> statement-breakpoint
ALTER TABLE "mail_messages" ADD COLUMN "html_body" text;--> statement-breakpoint
ALTER TABLE "mail_messages" ADD COLUMN "body_id" uuid;--> statement-breakpoint
ALTER TABLE "mail_messages" ADD COLUMN "link" text;--> statement-breakpoint
ALTER TABLE "mail_messages" ADD COLUMN "from_name" text;--> statement-breakpoint
ALTER TABLE "mail_messages" ADD COLUMN "reply_to" text;--> statement-breakpoint
ALTER TABLE "mail_messages" ADD COLUMN "newsletter_id" uuid;--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "reminder_sent_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "newsletters" ADD COLUMN "send_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "mail_messages" ADD CONSTRAINT "mail_messages_body_id_mail_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."mail_bodies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "mail_messages_newsletter_idx" ON "mail_messages" USING btree ("newsletter_id") WHERE "mail_messages"."newsletter_id" is not null;