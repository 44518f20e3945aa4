ALTER TABLE "assessments" DROP CONSTRAINT "assessments_person_id_people_id_fk";
--> statement-breakpoint
DROP INDEX "assessments_person_idx";--> statement-breakpoint
ALTER TABLE "assessments" ALTER COLUMN "person_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "assessments" ADD COLUMN "person_key" "bytea";--> statement-breakpoint
ALTER TABLE "assessments" ADD COLUMN "person_ref" text;--> statement-breakpoint
CREATE INDEX "assessments_person_key_idx" ON "assessments" USING btree ("person_key","assessed_at","id");--> statement-breakpoint
CREATE INDEX "assessments_legacy_person_idx" ON "assessments" USING btree ("person_id") WHERE "assessments"."person_id" is not null;