import { sql } from 'drizzle-orm';
import { bigint, boolean, customType, date, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { accounts } from './accounts.js';
import { bargainingUnits, campaigns, worksites } from './campaigns.js';
import { cardSources, confirmationAnswers, confirmationMethods, matchStatuses, matchMethods, verificationMethods } from '../../vocabulary/cards.js';
import { languages } from '../../vocabulary/languages.js';

export { cardSources, confirmationAnswers, confirmationMethods, matchStatuses, matchMethods, verificationMethods };

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

// Organizers' notes on a card, and the address a signer answered from, are sealed by the keyring
// (decision 0046). A value that is neither empty nor sealed was written before: these partial
// indexes hold only such rows, so the start-up step that seals them (sealCardNotes) finds them, or
// finds none, without reading the whole table. Sealed values never enter them.
const writtenInClear = (column: AnyPgColumn) => sql`${column} <> '' and ${column} not like 'uh1.%'`;

// The card language, versioned per campaign, one text per language (version numbers run across
// languages, so a version names one text). `body` may contain `{employer}`, replaced by the
// signer's school's employer: under EERA each charter school can be its own employer, and the
// employer's name is part of what the signer agrees to. Versions are never edited (trigger).
export const cardTexts = pgTable(
  'card_texts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    language: text('language', { enum: languages }).notNull().default('en'),
    title: text('title').notNull(),
    body: text('body').notNull(),
    createdBy: uuid('created_by').references(() => accounts.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('card_texts_campaign_version_key').on(t.campaignId, t.version)],
);

// A text is offered to signers only once an organizer approved it; the newest approved version in
// a language is the one its signers read. Append-only, like the texts.
export const cardTextApprovals = pgTable('card_text_approvals', {
  cardTextId: uuid('card_text_id')
    .primaryKey()
    .references(() => cardTexts.id, { onDelete: 'cascade' }),
  campaignId: uuid('campaign_id')
    .notNull()
    .references(() => campaigns.id, { onDelete: 'cascade' }),
  approvedBy: uuid('approved_by').references(() => accounts.id, { onDelete: 'set null' }),
  approvedAt: timestamp('approved_at', { withTimezone: true }).notNull().defaultNow(),
});


// A signed support card. Everything from `id` to `userAgent` is the signed content: it is hashed
// into `contentHash` (see src/domain/cards/card-hash.ts for the canonical form) and a trigger
// refuses any change to it, and any DELETE, except when the whole campaign is deleted.
// The match to the roster (personId, matchStatus, matchMethod) is the organizers' reading of the
// card, not part of it, and may change through the review queue (audited).
export const cards = pgTable(
  'cards',
  {
    id: uuid('id').primaryKey(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    cardTextId: uuid('card_text_id')
      .notNull()
      .references(() => cardTexts.id),
    cardTextVersion: integer('card_text_version').notNull(),
    cardText: text('card_text').notNull(),
    employerName: text('employer_name').notNull(),
    worksiteId: uuid('worksite_id')
      .notNull()
      .references(() => worksites.id),
    worksiteName: text('worksite_name').notNull(),
    signerName: text('signer_name').notNull(),
    email: text('email'),
    phone: text('phone'),
    jobTitle: text('job_title').notNull(),
    employeeId: text('employee_id'),
    signedOn: date('signed_on').notNull(),
    // Electronic cards: the instant of signing. Paper cards carry only the handwritten date.
    signedAt: timestamp('signed_at', { withTimezone: true, precision: 3 }),
    source: text('source', { enum: cardSources }).notNull(),
    typedSignature: text('typed_signature'),
    ip: text('ip'),
    userAgent: text('user_agent'),
    contentHash: text('content_hash').notNull(),
    // Set once, right after the confirmation is recorded in mail_messages.
    confirmationMailId: uuid('confirmation_mail_id'),
    // SHA-256 of the secret in the confirmation's "yes, I signed this card" link (never the secret).
    confirmationTokenHash: text('confirmation_token_hash'),
    enteredBy: uuid('entered_by').references(() => accounts.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    // The matched roster person, keyed (decision 0028): `personKey` is the person's pseudonym
    // HMAC(link key, person id), what counting joins on; `personRef` is the person id sealed by the
    // keyring, what the organizers' screens open. Neither tells whose card it is without the key.
    personKey: bytea('person_key'),
    personRef: text('person_ref'),
    // The clear link of databases from before 0028: emptied at the first start with the key
    // (upgradePersonLinks); new rows never set it.
    legacyPersonId: uuid('person_id'),
    matchStatus: text('match_status', { enum: matchStatuses }).notNull(),
    matchMethod: text('match_method', { enum: matchMethods }),
  },
  (t) => [
    index('cards_campaign_signed_idx').on(t.campaignId, t.signedOn),
    index('cards_person_key_idx').on(t.personKey),
    // Only rows from before decision 0028 not yet keyed: empty once the app started with the key.
    index('cards_legacy_person_idx').on(t.legacyPersonId).where(sql`${t.legacyPersonId} is not null`),
    index('cards_review_idx').on(t.campaignId).where(sql`${t.matchStatus} in ('unmatched', 'ambiguous')`),
    uniqueIndex('cards_confirmation_token_key').on(t.confirmationTokenHash),
  ],
);

// The signer's answer to the confirmation transmission: by the link in the message (recorded
// anonymously, with the address it came from) or by a reply an organizer recorded. One per card,
// never changed (trigger).
export const cardConfirmations = pgTable(
  'card_confirmations',
  {
    cardId: uuid('card_id')
      .primaryKey()
      .references(() => cards.id, { onDelete: 'cascade' }),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    answer: text('answer', { enum: confirmationAnswers }).notNull(),
    method: text('method', { enum: confirmationMethods }).notNull(),
    recordedBy: uuid('recorded_by').references(() => accounts.id, { onDelete: 'set null' }),
    // Sealed (decision 0046): the reply an organizer noted, and the address the link was answered from.
    note: text('note').notNull().default(''),
    ip: text('ip'),
    answeredAt: timestamp('answered_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('card_confirmations_clear_idx').on(t.cardId).where(sql`(${writtenInClear(t.note)}) or (${writtenInClear(t.ip)})`)],
);

// A card counts only once verified: matched to one roster person (person_id, as the card's match
// was when verified; the match of a verified card cannot change) and vouched for — automatically
// when the signer confirmed from a personal contact already on file for that person, by whoever
// entered a paper card, or by an organizer or committee member who says how. One per card, never
// changed (trigger), except to key a link written before decision 0028. No foreign key: this is a
// record of what was decided.
export const cardVerifications = pgTable(
  'card_verifications',
  {
    cardId: uuid('card_id')
      .primaryKey()
      .references(() => cards.id, { onDelete: 'cascade' }),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    // The person verified, keyed like the card's match (decision 0028); person_id is the clear
    // column of databases from before, emptied at the first start with the key.
    personKey: bytea('person_key'),
    personRef: text('person_ref'),
    legacyPersonId: uuid('person_id'),
    method: text('method', { enum: verificationMethods }).notNull(),
    verifiedBy: uuid('verified_by').references(() => accounts.id, { onDelete: 'set null' }),
    // Sealed (decision 0046): how the organizer knows it is this person's card.
    note: text('note').notNull().default(''),
    verifiedAt: timestamp('verified_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('card_verifications_clear_note_idx').on(t.cardId).where(writtenInClear(t.note))],
);

// An organizer decided the card is from no one on the roster (a stranger, a test, a forgery).
export const cardDismissals = pgTable(
  'card_dismissals',
  {
    cardId: uuid('card_id')
      .primaryKey()
      .references(() => cards.id, { onDelete: 'cascade' }),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    // Sealed (decision 0046).
    reason: text('reason').notNull(),
    dismissedBy: uuid('dismissed_by').references(() => accounts.id, { onDelete: 'set null' }),
    dismissedAt: timestamp('dismissed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('card_dismissals_clear_reason_idx').on(t.cardId).where(writtenInClear(t.reason))],
);

// The numbers the public site shows about support: published by an organizer (or once a day
// automatically when the campaign asks for it), each rounded down to the campaign's granularity.
// The site never reads live counts: a card, forged or real, moves nothing public until a
// publication (decision 0023). The exact counts are kept for the organizers' record only.
export const publicNumberPublications = pgTable(
  'public_number_publications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    // The order of publications: the last one recorded is what the site shows.
    seq: bigint('seq', { mode: 'number' }).generatedAlwaysAsIdentity(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    /** The campaign's day the numbers were counted on. */
    asOf: date('as_of').notNull(),
    granularity: integer('granularity').notNull(),
    educators: integer('educators').notNull(),
    schools: integer('schools').notNull(),
    educatorsShown: integer('educators_shown').notNull(),
    schoolsShown: integer('schools_shown').notNull(),
    automatic: boolean('automatic').notNull().default(false),
    publishedBy: uuid('published_by').references(() => accounts.id, { onDelete: 'set null' }),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('public_number_publications_campaign_idx').on(t.campaignId, t.seq)],
);

// Revoking a card is a new record; the card itself never changes. Effective from `effectiveOn`.
export const cardRevocations = pgTable(
  'card_revocations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    cardId: uuid('card_id')
      .notNull()
      .references(() => cards.id, { onDelete: 'cascade' }),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    effectiveOn: date('effective_on').notNull(),
    // Sealed (decision 0046): why the signer took their card back.
    reason: text('reason').notNull(),
    recordedBy: uuid('recorded_by').references(() => accounts.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('card_revocations_card_key').on(t.cardId), index('card_revocations_clear_reason_idx').on(t.id).where(writtenInClear(t.reason))],
);

// The scan of a paper card, kept in PostgreSQL itself: it is then inside the same transaction as
// the card row, inside every backup (pg_dump), and shared by every app process without a shared
// disk. Scans are small (a page); the limit is enforced by the route.
export const cardScans = pgTable('card_scans', {
  cardId: uuid('card_id')
    .primaryKey()
    .references(() => cards.id, { onDelete: 'cascade' }),
  campaignId: uuid('campaign_id')
    .notNull()
    .references(() => campaigns.id, { onDelete: 'cascade' }),
  filename: text('filename').notNull(),
  contentType: text('content_type').notNull(),
  byteSize: integer('byte_size').notNull(),
  sha256: text('sha256').notNull(),
  bytes: bytea('bytes').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

// Current ("today") support numbers per unit and worksite, so the dashboard reads ~rows-per-school
// instead of counting a million employments. Triggers mark worksites dirty when employments, cards
// or revocations change (same transaction); a read recomputes the dirty worksites only, and the
// whole campaign once per day (cards expire and employments end as the date moves on).
export const supportCounters = pgTable(
  'support_counters',
  {
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => bargainingUnits.id, { onDelete: 'cascade' }),
    worksiteId: uuid('worksite_id')
      .notNull()
      .references(() => worksites.id, { onDelete: 'cascade' }),
    eligible: integer('eligible').notNull(),
    validCards: integer('valid_cards').notNull(),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.unitId, t.worksiteId] })],
);

export const supportCounterState = pgTable('support_counter_state', {
  campaignId: uuid('campaign_id')
    .primaryKey()
    .references(() => campaigns.id, { onDelete: 'cascade' }),
  asOf: date('as_of').notNull(),
  refreshedAt: timestamp('refreshed_at', { withTimezone: true }).notNull().defaultNow(),
  // Bumped by every refresh and by any change to the campaign's worksites or units (triggers): a
  // process may keep the serialized numbers for a version and serve them until it changes.
  version: bigint('version', { mode: 'number' }).notNull().default(0),
});

export const supportCounterDirty = pgTable(
  'support_counter_dirty',
  {
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    worksiteId: uuid('worksite_id')
      .notNull()
      .references(() => worksites.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.worksiteId] })],
);
