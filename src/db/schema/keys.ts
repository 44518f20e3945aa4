import { customType, pgTable, timestamp, uuid } from 'drizzle-orm/pg-core';

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

// Data keys for field encryption (decision 0025), each wrapped (AES-256-GCM) by the master key,
// which never enters the database. The newest unretired key encrypts; every key still decrypts.
// Rotating the master key rewraps these rows; no encrypted field is rewritten.
export const dataKeys = pgTable('data_keys', {
  id: uuid('id').primaryKey().defaultRandom(),
  wrappedKey: bytea('wrapped_key').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  retiredAt: timestamp('retired_at', { withTimezone: true }),
});
