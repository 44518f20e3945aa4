ALTER TABLE "event_rsvps" ADD COLUMN "status" text DEFAULT 'accepted' NOT NULL;--> statement-breakpoint
ALTER TABLE "event_rsvps" ADD COLUMN "source" text DEFAULT 'form' NOT NULL;--> statement-breakpoint
ALTER TABLE "event_rsvps" ADD COLUMN "confirmation_hash" text;--> statement-breakpoint
ALTER TABLE "event_rsvps" ADD COLUMN "details" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "event_rsvps" ADD COLUMN "identifiers" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "event_rsvps" ADD COLUMN "origin_system" text;--> statement-breakpoint
ALTER TABLE "event_rsvps" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
CREATE INDEX "event_rsvps_identifiers_idx" ON "event_rsvps" USING gin ("identifiers");