import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { accounts } from './accounts.js';
import { jurisdictions } from '../../vocabulary/campaigns.js';
import { roles as campaignRoles } from '../../vocabulary/roles.js';

export { jurisdictions, campaignRoles };


export const campaigns = pgTable('campaigns', {
  id: uuid('id').primaryKey().defaultRandom(),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  // What the public home page says the campaign is for.
  statement: text('statement').notNull().default(''),
  // The same in Spanish, for visitors who read the site in Spanish; empty: they read the English one.
  statementEs: text('statement_es').notNull().default(''),
  isDefault: boolean('is_default').notNull().default(false),
  jurisdiction: text('jurisdiction', { enum: jurisdictions }).notNull().default('ca_perb'),
  goalPercent: integer('goal_percent').notNull().default(65),
  // How long a support card counts after signing: PERB and the NLRB both use one year; a
  // jurisdiction with another rule sets it here.
  cardValidityMonths: integer('card_validity_months').notNull().default(12),
  // "The date signed" is a local date: a card signed at 9 pm in Los Angeles is signed that day.
  timeZone: text('time_zone').notNull().default('America/Los_Angeles'),
  // Public numbers are published, rounded down to this (5: "over 145"); 1 publishes them exact.
  publicNumbersGranularity: integer('public_numbers_granularity').notNull().default(5),
  // Publish the current numbers automatically, at most once a day.
  publicNumbersAutoPublish: boolean('public_numbers_auto_publish').notNull().default(false),
  // Mail settings: the name people see as the sender of the campaign's mail ("Meridian Educators
  // United"), where their replies go (a real organizer address: card receipts invite replies), and
  // the newsletter template's accent color (the site's red by default).
  mailSenderName: text('mail_sender_name'),
  mailReplyTo: text('mail_reply_to'),
  brandColor: text('brand_color').notNull().default('#a3161a'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const memberships = pgTable(
  'memberships',
  {
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    role: text('role', { enum: campaignRoles }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.campaignId] })],
);

export const employers = pgTable('employers', {
  id: uuid('id').primaryKey().defaultRandom(),
  campaignId: uuid('campaign_id')
    .notNull()
    .references(() => campaigns.id, { onDelete: 'cascade' }),
  name: text('name').notNull(),
  // Under California's EERA each charter school can be its own public employer (PERB); under the
  // NLRA a network may be one private employer (NLRB). A campaign can hold both.
  jurisdiction: text('jurisdiction', { enum: jurisdictions }).notNull().default('ca_perb'),
  // Email domains this employer controls (lowercase, e.g. "meridianschools.example"): a card's
  // contact may not be at one of them, or its confirmation would land in the employer's mail.
  emailDomains: text('email_domains').array().notNull().default(sql`'{}'::text[]`),
});

export const worksites = pgTable(
  'worksites',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    employerId: uuid('employer_id')
      .notNull()
      .references(() => employers.id),
    name: text('name').notNull(),
    city: text('city'),
  },
  (t) => [index('worksites_campaign_idx').on(t.campaignId)],
);

// Committee members work only the worksites assigned to them.
export const membershipWorksites = pgTable(
  'membership_worksites',
  {
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    worksiteId: uuid('worksite_id')
      .notNull()
      .references(() => worksites.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.worksiteId] })],
);

export const bargainingUnits = pgTable('bargaining_units', {
  id: uuid('id').primaryKey().defaultRandom(),
  campaignId: uuid('campaign_id')
    .notNull()
    .references(() => campaigns.id, { onDelete: 'cascade' }),
  name: text('name').notNull(),
  description: text('description').notNull().default(''),
  // The job titles the unit includes (as the employer writes them): a roster import puts new
  // people with one of these titles in the unit. Empty: the title does not decide.
  jobTitles: text('job_titles').array().notNull().default(sql`'{}'::text[]`),
  // The day the unit's description applies from (a unit modified mid-campaign is a new row).
  appliesFrom: date('applies_from'),
});

export const people = pgTable(
  'people',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    givenName: text('given_name').notNull(),
    familyName: text('family_name').notNull(),
    employeeId: text('employee_id'),
    workEmail: text('work_email'),
    personalEmail: text('personal_email'),
    phone: text('phone'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('people_campaign_idx').on(t.campaignId),
    uniqueIndex('people_employee_id_key').on(t.campaignId, t.employeeId),
    // The roster import merges by email when there is no employee id.
    index('people_work_email_idx').on(t.campaignId, sql`lower(${t.workEmail})`),
    // The people list's keyset order by name (issue 12): a page reads its rows in index order.
    index('people_campaign_name_idx').on(t.campaignId, t.familyName, t.givenName, t.id),
  ],
);

// Employment is history, not a field: people arrive, leave and change schools, and whether they
// were in the unit on the filing date is what the law asks.
export const employments = pgTable(
  'employments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    worksiteId: uuid('worksite_id')
      .notNull()
      .references(() => worksites.id),
    unitId: uuid('unit_id').references(() => bargainingUnits.id),
    jobTitle: text('job_title').notNull(),
    startDate: date('start_date').notNull(),
    endDate: date('end_date'),
  },
  (t) => [
    index('employments_person_idx').on(t.personId),
    index('employments_worksite_idx').on(t.worksiteId, t.startDate),
    index('employments_campaign_idx').on(t.campaignId, t.startDate),
  ],
);
