import { sql } from 'drizzle-orm';
import { index, jsonb, pgTable, pgView, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { campaigns } from './campaigns.js';
import { supporterStatuses } from '../../vocabulary/osdi-people.js';

export { supporterStatuses };

/** What an OSDI person post gives beyond name and email, kept as given (decision 0036). */
export type SupporterDetails = {
  additionalName?: string;
  phoneNumbers?: Record<string, unknown>[];
  postalAddresses?: Record<string, unknown>[];
  customFields?: Record<string, string>;
  languagesSpoken?: string[];
  emailStatus?: string;
  /** A roster person's second address (their personal one beside their work one). */
  otherEmail?: string;
  /** Tags an unauthenticated signup asked for, applied when the address confirms. */
  pendingTags?: string[];
  /** Any other person field the spec defines (gender, birthdate, employer…), as sent. */
  other?: Record<string, unknown>;
};

// A public-side person that came through the OSDI API (the person signup helper) or was tagged
// (decision 0036). Its id is the same one the `osdi_people` view gives the address, so a
// person is one id wherever they came from. Never a roster person: educators live in `people`.
export const supporters = pgTable(
  'supporters',
  {
    id: uuid('id').primaryKey(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    // Lower-case: one supporter per address per campaign.
    email: text('email').notNull(),
    givenName: text('given_name').notNull().default(''),
    familyName: text('family_name').notNull().default(''),
    details: jsonb('details').$type<SupporterDetails>().notNull().default({}),
    // Foreign ids (`action_network:…`): a second post with one of them updates this row.
    identifiers: text('identifiers').array().notNull().default(sql`'{}'::text[]`),
    originSystem: text('origin_system'),
    // pending until the address confirms (unauthenticated signup); confirmed at once with a write key.
    status: text('status', { enum: supporterStatuses }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('supporters_email_key').on(t.campaignId, t.email), index('supporters_identifiers_idx').using('gin', t.identifiers)],
);

// OSDI tags (decision 0036): a campaign's labels for public-side people (`volunteer`, `donor`).
export const tags = pgTable(
  'tags',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    description: text('description'),
    identifiers: text('identifiers').array().notNull().default(sql`'{}'::text[]`),
    originSystem: text('origin_system'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('tags_name_key').on(t.campaignId, sql`lower(${t.name})`)],
);

// A tag on a supporter: once per pair. Tagging someone known only from a petition or an RSVP
// first makes their supporter row (same id as in the view).
export const taggings = pgTable(
  'taggings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tagId: uuid('tag_id')
      .notNull()
      .references(() => tags.id, { onDelete: 'cascade' }),
    supporterId: uuid('supporter_id')
      .notNull()
      .references(() => supporters.id, { onDelete: 'cascade' }),
    identifiers: text('identifiers').array().notNull().default(sql`'{}'::text[]`),
    originSystem: text('origin_system'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('taggings_pair_key').on(t.tagId, t.supporterId), index('taggings_supporter_idx').on(t.supporterId)],
);

/**
 * Every public-side person of a campaign, one row per address (decision 0036): confirmed
 * supporters, confirmed petition signers, confirmed newsletter subscribers and RSVPs with an
 * email, grouped by lower-case address. Defined in SQL (migration osdi_people_view).
 */
export const osdiPeople = pgView('osdi_people', {
  id: uuid('id').notNull(),
  campaignId: uuid('campaign_id').notNull(),
  email: text('email').notNull(),
  givenName: text('given_name').notNull(),
  familyName: text('family_name').notNull(),
  identifiers: text('identifiers').array().notNull(),
  details: jsonb('details').$type<SupporterDetails>().notNull(),
  originSystem: text('origin_system'),
  subscribed: text('subscribed'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
}).existing();
