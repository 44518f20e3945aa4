import { sql } from 'drizzle-orm';
import { boolean, customType, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { SignatureDetails } from './petitions.js';
import { accounts } from './accounts.js';
import { campaigns } from './campaigns.js';
import { newsletterStatuses, endorsementLevels, endorserKinds, pressKinds, eventKinds, rsvpStatuses, rsvpSources, newsletterAudiences, updateConsentSources } from '../../vocabulary/public-site.js';

import { languages as contentLanguages } from '../../vocabulary/languages.js';

export { contentLanguages };
export { newsletterStatuses, endorsementLevels, endorserKinds, pressKinds, eventKinds, rsvpStatuses, rsvpSources };

/** What an RSVP keeps of an OSDI attendance beyond the door list's columns (decision 0038). */
export type RsvpDetails = SignatureDetails & { givenName?: string; familyName?: string; comment?: string };

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });


// A newsletter is public once it is published (or scheduled) and its publish_at has passed: the
// check is made at read time, so a scheduled issue appears without a job running.
export const newsletters = pgTable(
  'newsletters',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    slug: text('slug').notNull(),
    title: text('title').notNull(),
    summary: text('summary').notNull().default(''),
    bodyMarkdown: text('body_markdown').notNull(),
    lang: text('lang', { enum: contentLanguages }).notNull().default('en'),
    status: text('status', { enum: newsletterStatuses }).notNull().default('draft'),
    publishAt: timestamp('publish_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => accounts.id, { onDelete: 'set null' }),
    // When it was emailed to subscribers (once; a second send is refused).
    sentAt: timestamp('sent_at', { withTimezone: true }),
    sentCount: integer('sent_count').notNull().default(0),
    // When an organizer scheduled the email to go out (the send runs then, by the outbox's sweep).
    sendAt: timestamp('send_at', { withTimezone: true }),
    // Who the email goes to (one or more of newsletterAudiences); with 'attendees', the people who
    // RSVPed to `audienceEventId`, or to any event of the campaign when it is null.
    audiences: text('audiences', { enum: newsletterAudiences }).array().notNull().default(sql`'{subscribers}'::text[]`),
    audienceEventId: uuid('audience_event_id'),
    // This newsletter is the other-language version of `versionOf` (the main-language issue): roster
    // and attendee recipients in this language get this one, the others the main one.
    versionOf: uuid('version_of'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('newsletters_slug_key').on(t.campaignId, t.slug), index('newsletters_public_idx').on(t.campaignId, t.status, t.publishAt)],
);

export const endorsements = pgTable(
  'endorsements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    endorserName: text('endorser_name').notNull(),
    endorserKind: text('endorser_kind', { enum: endorserKinds }).notNull(),
    // For a person: "Member of Congress, 40th District"; for an organization, optional.
    endorserTitle: text('endorser_title').notNull().default(''),
    level: text('level', { enum: endorsementLevels }).notNull(),
    endorsedOn: date('endorsed_on').notNull(),
    quote: text('quote').notNull().default(''),
    isPublic: boolean('is_public').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('endorsements_campaign_idx').on(t.campaignId, t.level, t.endorsedOn)],
);

// The letter or resolution, kept in the database (one backup holds everything) and addressed by
// its SHA-256, which is also what makes its URL stable and the file provably unchanged.
export const endorsementDocuments = pgTable('endorsement_documents', {
  endorsementId: uuid('endorsement_id')
    .primaryKey()
    .references(() => endorsements.id, { onDelete: 'cascade' }),
  sha256: text('sha256').notNull(),
  filename: text('filename').notNull(),
  contentType: text('content_type').notNull(),
  size: integer('size').notNull(),
  bytes: bytea('bytes').notNull(),
  uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
});

// Coverage (someone else's article) and press releases (ours, in Markdown) share one list.
export const pressItems = pgTable(
  'press_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: pressKinds }).notNull(),
    outlet: text('outlet').notNull().default(''),
    headline: text('headline').notNull(),
    publishedOn: date('published_on').notNull(),
    url: text('url'),
    slug: text('slug'),
    bodyMarkdown: text('body_markdown').notNull().default(''),
    lang: text('lang', { enum: contentLanguages }).notNull().default('en'),
    isPublic: boolean('is_public').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('press_items_campaign_idx').on(t.campaignId, t.publishedOn), uniqueIndex('press_items_slug_key').on(t.campaignId, t.slug)],
);

export const events = pgTable(
  'events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    slug: text('slug').notNull(),
    kind: text('kind', { enum: eventKinds }).notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    location: text('location').notNull().default(''),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    isPublic: boolean('is_public').notNull().default(true),
    rsvpOpen: boolean('rsvp_open').notNull().default(true),
    // When the day-before reminder went to those who RSVPed (once; claimed before it is recorded).
    reminderSentAt: timestamp('reminder_sent_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('events_slug_key').on(t.campaignId, t.slug), index('events_campaign_starts_idx').on(t.campaignId, t.startsAt)],
);

// One RSVP per email per event (stored lower-case): answering twice updates the first, and the
// page says the same.
export const eventRsvps = pgTable(
  'event_rsvps',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    email: text('email'),
    phone: text('phone'),
    lang: text('lang', { enum: contentLanguages }).notNull().default('en'),
    walkIn: boolean('walk_in').notNull().default(false),
    checkedInAt: timestamp('checked_in_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    // An RSVP posted to the OSDI helper without a key waits for its email's confirmation
    // (decision 0038); it is on no door list, count or reminder until then.
    status: text('status', { enum: rsvpStatuses }).notNull().default('accepted'),
    source: text('source', { enum: rsvpSources }).notNull().default('form'),
    // SHA-256 of the confirmation link's secret, while the RSVP waits for it.
    confirmationHash: text('confirmation_hash'),
    details: jsonb('details').$type<RsvpDetails>().notNull().default({}),
    // Foreign ids (`action_network:…`): a second post with the same id updates the same RSVP.
    identifiers: text('identifiers').array().notNull().default(sql`'{}'::text[]`),
    // Who vouches for an RSVP recorded with a write-scoped API key.
    originSystem: text('origin_system'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('event_rsvps_email_key').on(t.eventId, t.email), index('event_rsvps_event_idx').on(t.eventId), index('event_rsvps_identifiers_idx').using('gin', t.identifiers)],
);

// People who asked for the newsletter by email (double opt-in). Email stored lower-case; the links
// in messages carry an HMAC of the row id, so no token is stored.
export const newsletterSubscribers = pgTable(
  'newsletter_subscribers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    lang: text('lang', { enum: contentLanguages }).notNull().default('en'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    unsubscribedAt: timestamp('unsubscribed_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('newsletter_subscribers_email_key').on(t.campaignId, t.email)],
);

// An educator's agreement to receive the campaign's updates at a personal address (decision 0042):
// given on a card ("send me updates"), in a conversation an organizer recorded, or by subscribing
// (a subscriber an organizer matched to a roster person). The address and the person are sealed
// (decision 0025): a row with source 'card' names a card signer. Withdrawn by the email's
// one-click unsubscribe or by an organizer; never deleted, so the record of consent stays.
export const updateConsents = pgTable(
  'update_consents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    address: text('address').notNull(),
    personRef: text('person_ref'),
    lang: text('lang', { enum: contentLanguages }).notNull().default('en'),
    source: text('source', { enum: updateConsentSources }).notNull(),
    givenOn: date('given_on').notNull(),
    recordedBy: uuid('recorded_by').references(() => accounts.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
  },
  (t) => [index('update_consents_campaign_idx').on(t.campaignId)],
);
