import { z } from 'zod';
import { isColumnTarget, rosterFields } from '../domain/roster/roster-mapping.js';
import { day, id, instant, slugParams } from './shared.js';

// The organizer API of roster imports: upload (or preview) a CSV, list and undo imports, and the
// remembered column mapping.

export const MAX_CSV_BYTES = 1024 * 1024 * 1024;
export const MAX_JSON_BYTES = 64 * 1024 * 1024;

const importModes = ['update', 'full'] as const;

/** CSV header → roster field (or `ignore`). */
export const columnMapping = z.record(z.string().max(200), z.string().refine(isColumnTarget, `must be one of ${[...rosterFields, 'ignore'].join(', ')}`));

/** Options of a text/csv upload, as query parameters (the body is the file, streamed). */
export const csvUploadQuery = z.object({
  effectiveDate: day.optional(),
  mode: z.enum(importModes).default('update'),
  confirmLeaving: z.enum(['true', 'false']).default('false'),
  fileName: z.string().max(200).optional(),
  /** `COLUMN=FIELD`, repeatable (as the CLI's --map). */
  map: z.union([z.string().max(300), z.array(z.string().max(300)).max(50)]).optional(),
  preview: z.coerce.number().int().min(0).max(1000).default(200),
});

/** A JSON upload: the file as text, with its options (simpler for the browser, up to 64 MB). */
export const jsonUploadBody = z.object({
  csv: z.string().min(1, 'is empty'),
  mapping: columnMapping.default({}),
  effectiveDate: day.optional(),
  mode: z.enum(importModes).default('update'),
  confirmLeaving: z.boolean().default(false),
  fileName: z.string().max(200).optional(),
  preview: z.number().int().min(0).max(1000).default(200),
});

const count = z.number().int();
export const importCounts = z.object({ rows: count, new: count, changed: count, unchanged: count, leaving: count, invalid: count, leavingEnded: count.optional() });

export const previewPerson = z.object({
  /** The line of the file; null for someone on the roster who is missing from it. */
  line: z.number().int().nullable(),
  personId: z.uuid().nullable(),
  givenName: z.string(),
  familyName: z.string(),
  employeeId: z.string().nullable(),
  workEmail: z.string().nullable(),
  worksiteName: z.string().nullable(),
  jobTitle: z.string().nullable(),
  unitName: z.string().nullable(),
});
export const previewChange = previewPerson.extend({ changes: z.array(z.object({ field: z.string(), from: z.string().nullable(), to: z.string().nullable() })) });
export const invalidRow = z.object({ line: z.number().int(), reason: z.string() });

export const importResult = z.object({
  importId: z.uuid().nullable(),
  dryRun: z.boolean(),
  effectiveDate: day,
  mode: z.enum(importModes),
  headers: z.array(z.string()),
  mapping: z.record(z.string(), z.string()),
  counts: importCounts,
  leavingEnded: count,
  /** How the file was read: Excel on Windows saves CSV as windows-1252. */
  encoding: z.enum(['utf-8', 'windows-1252']),
  new: z.array(previewPerson),
  changed: z.array(previewChange),
  leaving: z.array(previewPerson),
  invalid: z.array(invalidRow),
});
export type ImportResultBody = z.infer<typeof importResult>;

export const rosterImport = z.object({
  id: z.uuid(),
  by: z.string(),
  fileName: z.string().nullable(),
  effectiveDate: day,
  mode: z.enum(importModes),
  counts: importCounts,
  status: z.enum(['applied', 'undone']),
  createdAt: instant,
  undoneAt: instant.nullable(),
  undoneBy: z.string().nullable(),
});
export type RosterImport = z.infer<typeof rosterImport>;
export const rosterImportDetail = rosterImport.extend({ mapping: z.record(z.string(), z.string()), invalid: z.array(invalidRow) });
export type RosterImportDetailBody = z.infer<typeof rosterImportDetail>;

const importParams = slugParams.extend({ importId: id('import') });
const mappingResponse = z.object({ mapping: z.record(z.string(), z.string()), fields: z.array(z.enum(rosterFields)) });

export const rosterContract = {
  previewRosterImport: { params: slugParams, query: csvUploadQuery, response: importResult },
  importRoster: { params: slugParams, query: csvUploadQuery, response: importResult },
  listRosterImports: { params: slugParams, query: z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) }), response: z.object({ imports: z.array(rosterImport) }) },
  viewRosterImport: { params: importParams, response: z.object({ import: rosterImportDetail }) },
  undoImport: { params: importParams, response: z.object({ import: rosterImportDetail }) },
  viewRosterMapping: { params: slugParams, response: mappingResponse },
  saveRosterMapping: { params: slugParams, body: z.object({ mapping: columnMapping }), response: mappingResponse },
} as const;
