import { sql } from 'drizzle-orm';
import { bigserial, check, customType, date, index, jsonb, pgTable, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { accounts } from './accounts.js';
import { campaigns, people } from './campaigns.js';
import { conversationChannels } from '../../vocabulary/organizing.js';

export { conversationChannels };

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

// Support assessments, 1 (leader) … 5 (opposed); null is "unknown". History, not a field: a trigger
// in the migrations refuses UPDATE, so a rating is never rewritten, only followed by a newer one.
// Rows go only with their campaign (cascade), never one by one. A rating names its person by a keyed
// pseudonym, like a card (decision 0028), so a dump does not say who holds which level.
export const assessments = pgTable(
  'assessments',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    // The rated roster person, keyed (decision 0028): `personKey` = HMAC(link key, person id), what
    // the lists join on; `personRef` = the person id sealed by the keyring, what screens open.
    personKey: bytea('person_key'),
    personRef: text('person_ref'),
    // The clear link of databases from before keyed ratings (and of the demo loaded straight into
    // the database): emptied at the next start with the key (keyPersonLinks); new rows never set it.
    legacyPersonId: uuid('person_id'),
    level: smallint('level'),
    note: text('note').notNull().default(''),
    assessedByAccountId: uuid('assessed_by_account_id').references(() => accounts.id, { onDelete: 'set null' }),
    assessedByName: text('assessed_by_name').notNull(),
    assessedAt: timestamp('assessed_at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('assessments_person_key_idx').on(t.personKey, t.assessedAt, t.id),
    index('assessments_legacy_person_idx').on(t.legacyPersonId).where(sql`${t.legacyPersonId} is not null`),
    index('assessments_campaign_idx').on(t.campaignId, t.assessedAt),
    check('assessments_level_range', sql`${t.level} is null or ${t.level} between 1 and 5`),
  ],
);


export const conversations = pgTable(
  'conversations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    organizerAccountId: uuid('organizer_account_id').references(() => accounts.id, { onDelete: 'set null' }),
    organizerName: text('organizer_name').notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    /**
     * The day, when only the day was given (no time): the conversation then sorts at noon of that
     * day in the campaign's time zone, and shows as the day alone, never as a made-up time.
     */
    occurredOn: date('occurred_on'),
    channel: text('channel', { enum: conversationChannels }).notNull(),
    issues: text('issues').array().notNull().default(sql`'{}'::text[]`),
    notes: text('notes').notNull().default(''),
    nextStep: text('next_step').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('conversations_person_idx').on(t.personId, t.occurredAt), index('conversations_campaign_idx').on(t.campaignId, t.occurredAt)],
);

export const tasks = pgTable(
  'tasks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    personId: uuid('person_id').references(() => people.id, { onDelete: 'cascade' }),
    conversationId: uuid('conversation_id').references(() => conversations.id, { onDelete: 'set null' }),
    title: text('title').notNull(),
    dueDate: date('due_date'),
    assigneeAccountId: uuid('assignee_account_id').references(() => accounts.id, { onDelete: 'set null' }),
    createdByAccountId: uuid('created_by_account_id').references(() => accounts.id, { onDelete: 'set null' }),
    doneAt: timestamp('done_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('tasks_assignee_idx').on(t.assigneeAccountId, t.doneAt, t.dueDate), index('tasks_person_idx').on(t.personId)],
);

// "Who organizes whom": each educator is on at most one committee member's list.
export const committeeAssignments = pgTable(
  'committee_assignments',
  {
    personId: uuid('person_id')
      .primaryKey()
      .references(() => people.id, { onDelete: 'cascade' }),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    assignedAt: timestamp('assigned_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('committee_assignments_account_idx').on(t.campaignId, t.accountId)],
);

// Saved views of the people list (issue 12): per account and campaign, a name and the list's query
// (filters and sort, never a cursor). Only their owner reads or deletes them.
export const savedPeopleViews = pgTable(
  'saved_people_views',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    query: jsonb('query').$type<Record<string, string>>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('saved_people_views_name_key').on(t.campaignId, t.accountId, sql`lower(${t.name})`)],
);
