ALTER TABLE "bargaining_units" ADD COLUMN "job_titles" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "bargaining_units" ADD COLUMN "applies_from" date;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "mail_sender_name" text;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "mail_reply_to" text;--> statement-breakpoint
ALTER TABLE "employers" ADD COLUMN "jurisdiction" text DEFAULT 'ca_perb' NOT NULL;