import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

// The body one bulk send shares among its messages (a newsletter to 100,000 people stores its HTML
// once, not 100,000 times). `link_marker` stands where each message's own link goes (its one-click
// unsubscribe URL, in mail_messages.link), replaced as the message is sent.
export const mailBodies = pgTable('mail_bodies', {
  id: uuid('id').primaryKey().defaultRandom(),
  htmlBody: text('html_body').notNull(),
  linkMarker: text('link_marker').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

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
    // The HTML part: this message's own (html_body), or a shared body (body_id) with `link` put in.
    htmlBody: text('html_body'),
    bodyId: uuid('body_id').references(() => mailBodies.id, { onDelete: 'cascade' }),
    link: text('link'),
    // The sender's display name and Reply-To of the campaign's mail settings, kept with the message
    // so a retry sends what was recorded.
    fromName: text('from_name'),
    replyTo: text('reply_to'),
    // The newsletter this message is part of, for the send's progress and results.
    newsletterId: uuid('newsletter_id'),
    // Delivery attempts over SMTP. A row is claimed before each attempt (attempts + 1, and
    // next_attempt_at pushed past the attempt's time limit), so a crash mid-send is retried once
    // the claim lapses, and two processes never send the same row at once. Null: nothing to retry
    // (sent, kept in the outbox, or given up).
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }),
    // When the message bounced for good: a 5xx at delivery, or a delivery status notification
    // (RFC 3464) that came back later. The send's results count these as bounced.
    bouncedAt: timestamp('bounced_at', { withTimezone: true }),
  },
  (t) => [
    index('mail_messages_created_idx').on(t.createdAt),
    index('mail_messages_newsletter_idx').on(t.newsletterId).where(sql`${t.newsletterId} is not null`),
    index('mail_messages_message_id_idx').on(t.messageId).where(sql`${t.messageId} is not null`),
    index('mail_messages_due_idx').on(t.nextAttemptAt).where(sql`${t.sentAt} is null and ${t.nextAttemptAt} is not null`),
  ],
);

// Addresses a receiving server refused for good (a 5xx at delivery: no such mailbox): later bulk
// sends of the campaign skip them, and the organizer app shows them with the server's answer.
export const mailSuppressions = pgTable(
  'mail_suppressions',
  {
    campaignId: uuid('campaign_id').notNull(),
    address: text('address').notNull(),
    reason: text('reason').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.address] })],
);
