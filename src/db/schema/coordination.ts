import { bigint, index, integer, pgTable, text, timestamp, varchar } from 'drizzle-orm/pg-core';

// What several app processes on one database must agree on (decision 0022): rate-limit windows
// and proofs of work already used. Neither holds personal data: keys are a route and a keyed hash
// (pseudonym) of the client's address or of an email address (decision 0046).

/**
 * Fixed windows of hits per key, in the layout of rate-limiter-flexible's PostgreSQL store (which
 * the route limits use as is): `points` hits until `expire` (epoch milliseconds); a hit after
 * `expire` starts a new window. Rows whose window ended long ago are swept.
 */
export const rateLimits = pgTable('rate_limits', {
  key: varchar('key', { length: 255 }).primaryKey(),
  points: integer('points').notNull().default(0),
  expire: bigint('expire', { mode: 'number' }),
});

/** ALTCHA proofs of work (by their challenge's signature) already accepted once: each works once. */
export const usedProofs = pgTable(
  'used_proofs',
  {
    signature: text('signature').primaryKey(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('used_proofs_expires_idx').on(t.expiresAt)],
);
