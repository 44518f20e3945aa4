import { sql } from 'drizzle-orm';
import { bigint, boolean, customType, date, index, integer, pgTable, primaryKey, text, time, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { accounts } from './accounts.js';
import { campaigns, jurisdictions, people, worksites } from './campaigns.js';
import { conductKinds, incidentStatuses, agentRoles } from '../../vocabulary/conduct.js';

export { conductKinds, incidentStatuses, agentRoles };

// The employer-conduct log (evidence locker). What counsel will put in front of the labor board:
// incidents, who acted, what was said (citing pages of attachments), who saw it, and the files
// themselves, hashed at upload and never changed afterwards.




const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

/** Named people who act for the employer, per campaign. */
export const employerAgents = pgTable(
  'employer_agents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    role: text('role', { enum: agentRoles }).notNull(),
    title: text('title').notNull().default(''),
    worksiteId: uuid('worksite_id').references(() => worksites.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('employer_agents_campaign_idx').on(t.campaignId)],
);

/**
 * Statutes and rules an incident may breach. Rows with no campaign are the built-in set (seeded by
 * the migration); a campaign's admins add their own. `defaultKinds` is the default mapping: a new
 * incident of one of those kinds cites this provision unless the organizer chooses otherwise.
 */
export const legalProvisions = pgTable(
  'legal_provisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    campaignId: uuid('campaign_id').references(() => campaigns.id, { onDelete: 'cascade' }),
    jurisdiction: text('jurisdiction', { enum: jurisdictions }).notNull(),
    code: text('code').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    deadlineMonths: integer('deadline_months').notNull().default(6),
    defaultKinds: text('default_kinds', { enum: conductKinds }).array().notNull().default(sql`'{}'::text[]`),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('legal_provisions_builtin_key').on(t.jurisdiction, t.code).where(sql`${t.campaignId} is null`),
    uniqueIndex('legal_provisions_campaign_key').on(t.campaignId, t.jurisdiction, t.code).where(sql`${t.campaignId} is not null`),
  ],
);

/**
 * Metadata of a file in the locker. Immutable (trigger in a custom migration): a corrected memo
 * is a new attachment. The bytes live in `attachment_contents` so that listing never loads them.
 */
export const attachments = pgTable(
  'attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    filename: text('filename').notNull(),
    mediaType: text('media_type').notNull(),
    sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
    sha256: text('sha256').notNull(),
    description: text('description').notNull().default(''),
    uploadedByAccountId: uuid('uploaded_by_account_id').references(() => accounts.id, { onDelete: 'set null' }),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('attachments_campaign_idx').on(t.campaignId)],
);

export const attachmentContents = pgTable('attachment_contents', {
  attachmentId: uuid('attachment_id')
    .primaryKey()
    .references(() => attachments.id, { onDelete: 'cascade' }),
  content: bytea('content').notNull(),
});

export const incidents = pgTable(
  'incidents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    // A local date (the charge deadline counts from it) and, when known, a local time.
    occurredOn: date('occurred_on').notNull(),
    occurredTime: time('occurred_time'),
    kind: text('kind', { enum: conductKinds }).notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    status: text('status', { enum: incidentStatuses }).notNull().default('documented'),
    chargeNumber: text('charge_number'),
    // False while the cited provisions are the default for the kind; true once an organizer chose.
    provisionsChosen: boolean('provisions_chosen').notNull().default(false),
    recordedByAccountId: uuid('recorded_by_account_id').references(() => accounts.id, { onDelete: 'set null' }),
    reportedByAccountId: uuid('reported_by_account_id').references(() => accounts.id, { onDelete: 'set null' }),
    reportedByPersonId: uuid('reported_by_person_id').references(() => people.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('incidents_campaign_date_idx').on(t.campaignId, t.occurredOn)],
);

export const incidentWorksites = pgTable(
  'incident_worksites',
  {
    incidentId: uuid('incident_id')
      .notNull()
      .references(() => incidents.id, { onDelete: 'cascade' }),
    worksiteId: uuid('worksite_id')
      .notNull()
      .references(() => worksites.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.incidentId, t.worksiteId] }), index('incident_worksites_worksite_idx').on(t.worksiteId)],
);

export const incidentAgents = pgTable(
  'incident_agents',
  {
    incidentId: uuid('incident_id')
      .notNull()
      .references(() => incidents.id, { onDelete: 'cascade' }),
    agentId: uuid('agent_id')
      .notNull()
      .references(() => employerAgents.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.incidentId, t.agentId] }), index('incident_agents_agent_idx').on(t.agentId)],
);

export const incidentWitnesses = pgTable(
  'incident_witnesses',
  {
    incidentId: uuid('incident_id')
      .notNull()
      .references(() => incidents.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.incidentId, t.personId] })],
);

export const incidentProvisions = pgTable(
  'incident_provisions',
  {
    incidentId: uuid('incident_id')
      .notNull()
      .references(() => incidents.id, { onDelete: 'cascade' }),
    provisionId: uuid('provision_id')
      .notNull()
      .references(() => legalProvisions.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.incidentId, t.provisionId] }), index('incident_provisions_provision_idx').on(t.provisionId)],
);

export const incidentAttachments = pgTable(
  'incident_attachments',
  {
    incidentId: uuid('incident_id')
      .notNull()
      .references(() => incidents.id, { onDelete: 'cascade' }),
    attachmentId: uuid('attachment_id')
      .notNull()
      .references(() => attachments.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
  },
  (t) => [primaryKey({ columns: [t.incidentId, t.attachmentId] })],
);

/** What was said, in order; a quote may cite a page range of an attachment ("pages 6–7"). */
export const incidentQuotes = pgTable(
  'incident_quotes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    incidentId: uuid('incident_id')
      .notNull()
      .references(() => incidents.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    text: text('text').notNull(),
    speakerAgentId: uuid('speaker_agent_id').references(() => employerAgents.id, { onDelete: 'set null' }),
    source: text('source').notNull().default(''),
    // Cascade only matters when a whole campaign is deleted: attachments are otherwise permanent.
    attachmentId: uuid('attachment_id').references(() => attachments.id, { onDelete: 'cascade' }),
    pageFrom: integer('page_from'),
    pageTo: integer('page_to'),
  },
  (t) => [index('incident_quotes_incident_idx').on(t.incidentId, t.position)],
);

/** Every status an incident has had, with who set it: counsel asks when a charge was filed. */
export const incidentStatusChanges = pgTable(
  'incident_status_changes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    incidentId: uuid('incident_id')
      .notNull()
      .references(() => incidents.id, { onDelete: 'cascade' }),
    status: text('status', { enum: incidentStatuses }).notNull(),
    chargeNumber: text('charge_number'),
    note: text('note').notNull().default(''),
    changedByAccountId: uuid('changed_by_account_id').references(() => accounts.id, { onDelete: 'set null' }),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('incident_status_changes_incident_idx').on(t.incidentId, t.changedAt)],
);
