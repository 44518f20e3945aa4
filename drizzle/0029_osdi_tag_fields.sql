ALTER TABLE "taggings" ADD COLUMN "identifiers" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "tags" ADD COLUMN "description" text;