DROP INDEX "petition_signatures_status_idx";--> statement-breakpoint
DROP INDEX "petition_signatures_token_idx";--> statement-breakpoint
CREATE INDEX "petition_signatures_confirmed_idx" ON "petition_signatures" USING btree ("petition_id","confirmed_at") WHERE "petition_signatures"."status" = 'confirmed';--> statement-breakpoint
CREATE INDEX "petition_signatures_held_idx" ON "petition_signatures" USING btree ("petition_id","created_at") WHERE "petition_signatures"."status" = 'held_for_review';