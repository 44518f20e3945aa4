import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

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
  },
  (t) => [index('mail_messages_created_idx').on(t.createdAt)],
);
