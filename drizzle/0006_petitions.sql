CREATE TABLE "petition_signatures" (
	"id" uuid PRIMARY KEY NOT NULL,
	"petition_id" uuid NOT NULL,
	"given_name" text NOT NULL,
	"family_name" text NOT NULL,
	"email" text NOT NULL,
	"postal_code" text,
	"city" text,
	"relationship" text NOT NULL,
	"comment" text,
	"show_publicly" boolean DEFAULT false NOT NULL,
	"status" text NOT NULL,
	"hold_reason" text,
	"confirmation_token_hash" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"confirmed_at" timestamp with time zone,
	"ip_hash" text,
	"source" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "petitions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"slug" text NOT NULL,
	"title" text NOT NULL,
	"text" text NOT NULL,
	"target" text NOT NULL,
	"goal" integer NOT NULL,
	"published" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "petition_signatures" ADD CONSTRAINT "petition_signatures_petition_id_petitions_id_fk" FOREIGN KEY ("petition_id") REFERENCES "public"."petitions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petitions" ADD CONSTRAINT "petitions_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "petition_signatures_email_key" ON "petition_signatures" USING btree ("petition_id",lower("email"));--> statement-breakpoint
CREATE INDEX "petition_signatures_status_idx" ON "petition_signatures" USING btree ("petition_id","status");--> statement-breakpoint
CREATE INDEX "petition_signatures_token_idx" ON "petition_signatures" USING btree ("confirmation_token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "petitions_campaign_slug_key" ON "petitions" USING btree ("campaign_id","slug");