import { sql } from 'drizzle-orm';
import { customType, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

// Data keys for field encryption (decision 0025), each wrapped (AES-256-GCM) by the master key,
// which never enters the database. The newest unretired key encrypts; every key still decrypts.
// Rotating the master key rewraps these rows; no encrypted field is rewritten.
// `purpose`: 'field' keys seal fields; the one 'link' key makes the pseudonyms that link a card to
// its roster person (decision 0028). It is never retired: rotation rewraps it like the others, so
// every pseudonym stays valid.
export const dataKeys = pgTable(
  'data_keys',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    wrappedKey: bytea('wrapped_key').notNull(),
    purpose: text('purpose', { enum: ['field', 'link'] }).notNull().default('field'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    retiredAt: timestamp('retired_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('data_keys_one_link_key').on(t.purpose).where(sql`${t.purpose} = 'link'`)],
);
