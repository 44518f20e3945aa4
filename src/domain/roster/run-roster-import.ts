import { Transform, pipeline, type Readable } from 'node:stream';
import { parse, type CsvError, type Options } from 'csv-parse';
import type { CampaignRow } from '../../db/repositories/campaigns-repository.js';
import type { ImportDiff } from '../../db/repositories/roster-import-repository.js';
import type { RosterImportCounts, RosterInvalidRow } from '../../db/schema/index.js';
import { RosterDecoder, type RosterEncoding } from './roster-encoding.js';
import { AppError } from '../../errors.js';
import type { CommandContext } from '../commands/command-context.js';
import { resolveMapping, type ColumnMapping } from './roster-mapping.js';
import { indexMapping, lookupKey, toStagedRow, type StagedRow } from './roster-row.js';

const STORED_INVALID_ROWS = 1000;
const MAX_RECORD_KB = 64;

/** A roster file and how to read it, from the web upload or the CLI. */
export type RosterUpload = {
  slug: string;
  source: Readable;
  fileName: string | null;
  mapping: Partial<ColumnMapping>;
  /** The day the changes take effect; the campaign's today when absent. Validated as a day at the edge. */
  effectiveDate?: string;
  mode: 'update' | 'full';
  /** In a full-roster import, end the employment of everyone missing from the file. */
  confirmLeaving: boolean;
  previewLimit?: number;
  maxBytes?: number;
  onBytes?: (n: number) => void;
  onPhase?: (phase: 'reading' | 'comparing' | 'writing', rows: number) => void;
};

export type ImportResult = ImportDiff & {
  importId: string | null;
  dryRun: boolean;
  effectiveDate: string;
  mode: 'update' | 'full';
  headers: string[];
  mapping: ColumnMapping;
  leavingEnded: number;
  /** How the file's bytes were read (src/domain/roster/roster-encoding.ts). */
  encoding: RosterEncoding;
};

type Parsed = { record: string[]; lines: number };

/**
 * Streams the CSV into the staging table (COPY FROM STDIN, as it is read), compares it with the roster, and (unless a
 * dry run) writes it, in a savepoint of the command's transaction: the import and its audit row
 * commit together. Unreadable lines become invalid rows. Shared by importRoster and
 * previewRosterImport, which check the policy and write the audit row.
 */
export async function runRosterImport(ctx: CommandContext, campaign: CampaignRow, input: RosterUpload, dryRun: boolean): Promise<ImportResult> {
  const { rosterImports, campaigns } = ctx.repos;
  const effectiveDate = input.effectiveDate ?? ctx.today(campaign);
  // One after the other: a transaction's connection runs one statement at a time.
  const sites = await campaigns.listWorksites(campaign.id);
  const units = await campaigns.listUnits(campaign.id);
  const rowLookups = { worksites: new Map(sites.map((s) => [lookupKey(s.name), s.id])), units: new Map(units.map((u) => [lookupKey(u.name), u.id])) };
  const remembered = (await rosterImports.findMapping(campaign.id)) as Partial<ColumnMapping>;
  const previewLimit = input.previewLimit ?? 200;
  const skipped: StagedRow[] = [];
  let tooLong: number | null = null;
  const options: Options<Parsed, string[]> = {
    bom: true,
    relax_column_count: true,
    skip_empty_lines: true,
    // The line number where each record ends, taken as it is emitted (cheaper than `info`,
    // which copies the parser's whole state for every record).
    on_record: (record: string[], context: { lines: number }): Parsed => ({ record, lines: context.lines }),
    skip_records_with_error: true,
    max_record_size: MAX_RECORD_KB * 1024,
    on_skip: (err: CsvError | undefined) => {
      const line = Number((err as { lines?: number } | undefined)?.lines ?? 0);
      // After an oversized record the parser cannot find where the next one starts: stop
      // rather than silently lose the rows behind it.
      if (err?.code === 'CSV_MAX_RECORD_SIZE') tooLong ??= line;
      else skipped.push(blankRow(line, `the line cannot be read as CSV: ${err?.message ?? 'malformed'}`));
      return undefined;
    },
  };
  // The typings offer a record transform only together with `columns`; ours returns { record, lines }.
  const parser = parse(options as unknown as Options);
  let bytes = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      bytes += chunk.length;
      if (input.maxBytes !== undefined && bytes > input.maxBytes) {
        callback(new AppError('payload_too_large', `The file is larger than ${Math.round(input.maxBytes / 1024 / 1024)} MB.`));
        return;
      }
      input.onBytes?.(chunk.length);
      callback(null, chunk);
    },
  });
  const decoder = new RosterDecoder();
  let headers: string[] | null = null;
  let mapping: ColumnMapping | null = null;
  let positions: ReturnType<typeof indexMapping> = {};
  let rows = 0;
  // The first line names the columns; every other becomes a row to stage, and so does every line
  // the parser had to skip (as an invalid row, in the order they come).
  const toRows = new Transform({
    objectMode: true,
    transform({ record, lines }: Parsed, _encoding, callback) {
      if (headers === null) {
        headers = record.map((h) => h.trim());
        try {
          mapping = resolveMapping(headers, input.mapping, remembered);
        } catch (err) {
          callback(err as Error);
          return;
        }
        positions = indexMapping(headers, mapping);
      } else {
        this.push(toStagedRow(lines, record, positions, rowLookups));
        rows++;
      }
      rows += pushAll(this, skipped.splice(0));
      callback();
    },
    flush(callback) {
      rows += pushAll(this, skipped.splice(0));
      callback();
    },
  });
  // The first error of the read (too large, unreadable bytes, a bad mapping) is the one to report,
  // not the COPY's abort that follows from it.
  let readFailure: unknown;
  const staged = pipeline(input.source, counter, decoder, parser, toRows, (err) => {
    readFailure ??= err ?? undefined;
  });

  const run = rosterImports.withSession({ campaignId: campaign.id, effectiveDate, mode: input.mode }, !dryRun, async (session) => {
    input.onPhase?.('reading', 0);
    try {
      await session.stage(staged);
    } catch (err) {
      throw readFailure ?? err;
    }
    if (readFailure) throw readFailure;
    if (tooLong !== null) {
      throw new AppError('validation_failed', `Line ${tooLong} is longer than ${MAX_RECORD_KB} KB: this does not look like a roster. Nothing was imported.`, [{ field: 'csv', reason: `line ${tooLong} is too long` }]);
    }
    if (headers === null || mapping === null) throw new AppError('validation_failed', 'The file is empty: it needs a header line and at least one row.', [{ field: 'csv', reason: 'is empty' }]);
    input.onPhase?.('comparing', rows);
    const diff = await session.classify(previewLimit);
    let importId: string | null = null;
    let leavingEnded = 0;
    if (!dryRun) {
      input.onPhase?.('writing', rows);
      const invalid: RosterInvalidRow[] = diff.invalid.length >= diff.counts.invalid ? diff.invalid : (await session.diff(STORED_INVALID_ROWS)).invalid;
      const counts: RosterImportCounts = { ...diff.counts, leavingEnded: 0 };
      importId = await session.apply(
        { campaignId: campaign.id, accountId: ctx.requester.accountId, actorLabel: ctx.requester.email ?? 'system', fileName: input.fileName, mapping, confirmLeaving: input.confirmLeaving },
        counts,
        invalid.slice(0, STORED_INVALID_ROWS),
      );
      leavingEnded = input.mode === 'full' && input.confirmLeaving ? diff.counts.leaving : 0;
    }
    return { ...diff, importId, dryRun, effectiveDate, mode: input.mode, headers, mapping, leavingEnded, encoding: decoder.encoding };
  });
  // Should the session fail before it reads the file (say, its lock), the file is not left open.
  return run.finally(() => staged.destroy());
}

function pushAll(stream: Transform, rows: readonly StagedRow[]): number {
  for (const row of rows) stream.push(row);
  return rows.length;
}

/** The audit details of an import or its preview: what it found, never who. */
export function importAuditDetails(result: ImportResult, fileName: string | null): Record<string, unknown> {
  return { counts: result.counts, effectiveDate: result.effectiveDate, mode: result.mode, leavingEnded: result.leavingEnded, file: fileName };
}

function blankRow(line: number, reason: string): StagedRow {
  return {
    line,
    employeeId: null,
    givenName: null,
    familyName: null,
    workEmail: null,
    personalEmail: null,
    phone: null,
    worksiteId: null,
    unitId: null,
    unitGiven: false,
    jobTitle: null,
    startDate: null,
    invalid: reason,
  };
}
