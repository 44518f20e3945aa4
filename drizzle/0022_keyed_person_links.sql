ALTER TABLE "cards" DROP CONSTRAINT "cards_person_id_people_id_fk";
--> statement-breakpoint
DROP INDEX "cards_person_idx";--> statement-breakpoint
ALTER TABLE "card_verifications" ALTER COLUMN "person_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "card_verifications" ADD COLUMN "person_key" "bytea";--> statement-breakpoint
ALTER TABLE "card_verifications" ADD COLUMN "person_ref" text;--> statement-breakpoint
ALTER TABLE "cards" ADD COLUMN "person_key" "bytea";--> statement-breakpoint
ALTER TABLE "cards" ADD COLUMN "person_ref" text;--> statement-breakpoint
ALTER TABLE "data_keys" ADD COLUMN "purpose" text DEFAULT 'field' NOT NULL;--> statement-breakpoint
CREATE INDEX "cards_person_key_idx" ON "cards" USING btree ("person_key");--> statement-breakpoint
CREATE INDEX "cards_legacy_person_idx" ON "cards" USING btree ("person_id") WHERE "cards"."person_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "data_keys_one_link_key" ON "data_keys" USING btree ("purpose") WHERE "data_keys"."purpose" = 'link';