import { sql } from 'drizzle-orm';
import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

// Append-only: a trigger in the migrations refuses UPDATE and DELETE (see 0001 custom migration).
// No foreign keys, so that deleting an account or campaign never erases its history.
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorAccountId: uuid('actor_account_id'),
    actorEmail: text('actor_email'),
    campaignId: uuid('campaign_id'),
    action: text('action').notNull(),
    subjectType: text('subject_type'),
    subjectId: text('subject_id'),
    ip: text('ip'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [
    index('audit_events_campaign_at_idx').on(t.campaignId, t.at),
    index('audit_events_action_idx').on(t.action, t.at),
    // Rows about a card written before their address and person were sealed (decisions 0028, 0046):
    // only those, so the start-up step that seals them finds them without reading the whole log.
    index('audit_events_clear_card_idx')
      .on(t.id)
      .where(
        sql`${t.subjectType} = 'card' and (${t.ip} not like 'uh1.%' or ${t.details} ->> 'personId' not like 'uh1.%' or ${t.details} ->> 'previousPersonId' not like 'uh1.%' or ${t.details} ->> 'reason' not like 'uh1.%')`,
      ),
  ],
);
