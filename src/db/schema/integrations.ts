import { sql } from 'drizzle-orm';
import { index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { accounts } from './accounts.js';
import { campaigns } from './campaigns.js';
import { apiKeyScopes } from '../../vocabulary/api-keys.js';

export { apiKeyScopes };

// API keys for the OSDI API (decision 0029): the secret is shown once; only its SHA-256 is kept.
export const apiKeys = pgTable(
  'api_keys',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    // The first characters of the key, for the admin to tell keys apart; not enough to use one.
    prefix: text('prefix').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    scopes: text('scopes', { enum: apiKeyScopes }).array().notNull(),
    createdByAccountId: uuid('created_by_account_id').references(() => accounts.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [index('api_keys_campaign_idx').on(t.campaignId).where(sql`${t.revokedAt} is null`)],
);

// Web origins (the union's own website) allowed to call the public OSDI helpers and reads from a
// browser (CORS) and to embed the petition.
export const corsOrigins = pgTable(
  'cors_origins',
  {
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    origin: text('origin').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.origin] })],
);
