import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

// Every message the app sends is recorded here: with SMTP configured it is the transmission log
// (card confirmations must be provable); without, it is the outbox admins read in /app.
export const mailMessages = pgTable(
  'mail_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    campaignId: uuid('campaign_id'),
    kind: text('kind').notNull(),
    toAddress: text('to_address').notNull(),
    subject: text('subject').notNull(),
    textBody: text('text_body').notNull(),
    transport: text('transport', { enum: ['smtp', 'outbox'] }).notNull(),
    messageId: text('message_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    error: text('error'),
    // Extra headers sent with the message (List-Unsubscribe on newsletters): a retry sends them too.
    headers: jsonb('headers').$type<Record<string, string>>(),
    // Delivery attempts over SMTP. A row is claimed before each attempt (attempts + 1, and
    // next_attempt_at pushed past the attempt's time limit), so a crash mid-send is retried once
    // the claim lapses, and two processes never send the same row at once. Null: nothing to retry
    // (sent, kept in the outbox, or given up).
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }),
  },
  (t) => [
    index('mail_messages_created_idx').on(t.createdAt),
    index('mail_messages_due_idx').on(t.nextAttemptAt).where(sql`${t.sentAt} is null and ${t.nextAttemptAt} is not null`),
  ],
);
