import { integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Failed sign-ins counted per key, for the back-off of decision 0027. A key is a keyed hash
 * (pseudonym) of an email address as typed, of an IP, or of the two together: the same row shape
 * for an email that has an account and one that has none, so the table tells no one who has an
 * account, and a stolen copy names neither the addresses nor the networks.
 */
export const loginThrottles = pgTable('login_throttles', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull().default(0),
  blockedUntil: timestamp('blocked_until', { withTimezone: true }),
  lastFailureAt: timestamp('last_failure_at', { withTimezone: true }).notNull(),
});
