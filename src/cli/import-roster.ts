import { createReadStream, existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { boot } from '../bootstrap.js';
import type { Config } from '../config.js';
import { isDay } from '../domain/calendar.js';
import { systemRequester } from '../domain/commands/requester.js';
import { importRoster } from '../domain/roster/import-roster.js';
import { previewRosterImport } from '../domain/roster/preview-roster-import.js';
import { parseMappingPairs } from '../domain/roster/roster-mapping.js';
import type { ImportResult, RosterUpload } from '../domain/roster/run-roster-import.js';
import { AppError } from '../errors.js';
import { createProgress } from '../support/progress.js';

export type ImportRosterOptions = { campaign: string; map?: string[]; dryRun?: boolean; effective?: string; full?: boolean; confirmLeaving?: boolean };

const say = (m: string): void => void process.stderr.write(`${m}\n`);

export function describeResult(result: ImportResult): string {
  const c = result.counts;
  const lines = [
    `${result.dryRun ? 'Dry run (nothing written)' : `Imported (id ${result.importId})`}, effective ${result.effectiveDate}, ${result.mode === 'full' ? 'full roster' : 'updates only'}:`,
    `  rows ${c.rows.toLocaleString('en-US')}: new ${c.new.toLocaleString('en-US')}, changed ${c.changed.toLocaleString('en-US')}, unchanged ${c.unchanged.toLocaleString('en-US')}, invalid ${c.invalid.toLocaleString('en-US')}`,
  ];
  if (result.encoding === 'windows-1252') lines.push('  read as Windows-1252 (how Excel on Windows saves CSV): check that accented names look right');
  if (result.mode === 'full') lines.push(`  leaving (not in the file): ${c.leaving}${result.dryRun ? '' : result.leavingEnded > 0 ? ' (employment ended)' : ' (not ended: pass --confirm-leaving)'}`);
  for (const row of result.invalid.slice(0, 20)) lines.push(`  line ${row.line}: ${row.reason}`);
  if (c.invalid > 20) lines.push(`  … and ${c.invalid - 20} more invalid rows`);
  return lines.join('\n');
}

// `unionhall import roster FILE --campaign SLUG`: the same import as the web upload, streamed from
// disk with a progress bar over the bytes read, run as the system (the CLI names no account).
export async function runImportRoster(config: Config, file: string, options: ImportRosterOptions): Promise<void> {
  const source = path.resolve(file);
  if (!existsSync(source)) throw new AppError('not_found', `No such file: ${source}`);
  if (options.effective !== undefined && !isDay(options.effective)) throw new AppError('validation_failed', '--effective must be a real date as YYYY-MM-DD');
  const mapping = parseMappingPairs(options.map ?? []);
  const runtime = await boot(config);
  try {
    const bar = createProgress(`Reading ${path.basename(source)}`, statSync(source).size);
    const upload: RosterUpload = {
      slug: options.campaign,
      source: createReadStream(source, { highWaterMark: 256 * 1024 }),
      fileName: path.basename(source),
      mapping,
      effectiveDate: options.effective,
      mode: options.full ? 'full' : 'update',
      confirmLeaving: Boolean(options.confirmLeaving),
      previewLimit: 20,
      onBytes: (n) => bar.tick(n),
      onPhase: (phase, rows) => {
        if (phase === 'comparing') {
          bar.done();
          say(`Comparing ${rows.toLocaleString('en-US')} rows with the roster…`);
        }
        if (phase === 'writing') say('Writing…');
      },
    };
    const result = await runtime.services.execute(options.dryRun ? previewRosterImport : importRoster, systemRequester('cli'), upload);
    process.stdout.write(`${describeResult(result)}\n`);
  } finally {
    await runtime.close();
  }
}
