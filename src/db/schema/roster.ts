import { date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { accounts } from './accounts.js';
import { campaigns } from './campaigns.js';

// The column mapping of the last roster import, so the next upload of the same export needs none.
export const rosterColumnMappings = pgTable('roster_column_mappings', {
  campaignId: uuid('campaign_id')
    .primaryKey()
    .references(() => campaigns.id, { onDelete: 'cascade' }),
  mapping: jsonb('mapping').$type<Record<string, string>>().notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export type RosterImportCounts = { rows: number; new: number; changed: number; unchanged: number; leaving: number; invalid: number; leavingEnded: number };
export type RosterInvalidRow = { line: number; reason: string };

export const rosterImports = pgTable(
  'roster_imports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    // Null when run from the CLI.
    accountId: uuid('account_id').references(() => accounts.id, { onDelete: 'set null' }),
    actorLabel: text('actor_label').notNull(),
    fileName: text('file_name'),
    effectiveDate: date('effective_date').notNull(),
    mode: text('mode', { enum: ['update', 'full'] }).notNull(),
    mapping: jsonb('mapping').$type<Record<string, string>>().notNull(),
    counts: jsonb('counts').$type<RosterImportCounts>().notNull(),
    // The first invalid rows (line and reason); `counts.invalid` has the total.
    invalidRows: jsonb('invalid_rows').$type<RosterInvalidRow[]>().notNull().default([]),
    status: text('status', { enum: ['applied', 'undone'] }).notNull().default('applied'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    undoneAt: timestamp('undone_at', { withTimezone: true }),
    undoneBy: text('undone_by'),
  },
  (t) => [index('roster_imports_campaign_idx').on(t.campaignId, t.createdAt)],
);

// What one import did, row by row, so that it can be reverted exactly: people and employments it
// created are removed, employments it ended are reopened, people it updated get their old values.
export const rosterImportChanges = pgTable(
  'roster_import_changes',
  {
    id: integer('id').generatedAlwaysAsIdentity(),
    importId: uuid('import_id')
      .notNull()
      .references(() => rosterImports.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['person_created', 'person_updated', 'employment_created', 'employment_ended'] }).notNull(),
    personId: uuid('person_id').notNull(),
    employmentId: uuid('employment_id'),
    // person_updated: the fields as they were; employment_ended: { endDate } as it was.
    previous: jsonb('previous').$type<Record<string, string | null>>(),
  },
  (t) => [primaryKey({ columns: [t.importId, t.id] })],
);
