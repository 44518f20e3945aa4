import { createReadStream, existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { boot } from '../bootstrap.js';
import type { Config } from '../config.js';
import { parseMappingPairs } from '../domain/roster/roster-mapping.js';
import type { ImportResult } from '../domain/roster/roster-import-service.js';
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
  if (result.mode === 'full') lines.push(`  leaving (not in the file): ${c.leaving}${result.dryRun ? '' : result.leavingEnded > 0 ? ' (employment ended)' : ' (not ended: pass --confirm-leaving)'}`);
  for (const row of result.invalid.slice(0, 20)) lines.push(`  line ${row.line}: ${row.reason}`);
  if (c.invalid > 20) lines.push(`  … and ${c.invalid - 20} more invalid rows`);
  return lines.join('\n');
}

// `unionhall import roster FILE --campaign SLUG`: the same import as the web upload, streamed from
// disk with a progress bar over the bytes read.
export async function runImportRoster(config: Config, file: string, options: ImportRosterOptions): Promise<void> {
  const source = path.resolve(file);
  if (!existsSync(source)) throw new AppError('not_found', `No such file: ${source}`);
  if (options.effective !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(options.effective)) throw new AppError('validation_failed', '--effective must be a date as YYYY-MM-DD');
  const mapping = parseMappingPairs(options.map ?? []);
  const runtime = await boot(config);
  try {
    const campaign = await runtime.services.repositories.campaigns.findBySlug(options.campaign);
    if (!campaign) throw new AppError('not_found', `No campaign ${options.campaign}.`);
    const bar = createProgress(`Reading ${path.basename(source)}`, statSync(source).size);
    const result = await runtime.services.rosterImport.run({
      campaignId: campaign.id,
      source: createReadStream(source, { highWaterMark: 256 * 1024 }),
      fileName: path.basename(source),
      mapping,
      effectiveDate: options.effective ?? new Date().toISOString().slice(0, 10),
      mode: options.full ? 'full' : 'update',
      dryRun: Boolean(options.dryRun),
      confirmLeaving: Boolean(options.confirmLeaving),
      actor: { accountId: null, label: 'cli' },
      previewLimit: 20,
      onBytes: (n) => bar.tick(n),
      onPhase: (phase, rows) => {
        if (phase === 'comparing') {
          bar.done();
          say(`Comparing ${rows.toLocaleString('en-US')} rows with the roster…`);
        }
        if (phase === 'writing') say('Writing…');
      },
    });
    await runtime.services.repositories.audit.append({
      actorAccountId: null,
      actorEmail: 'cli',
      campaignId: campaign.id,
      action: result.dryRun ? 'roster.import_previewed' : 'roster.imported',
      subjectType: result.importId ? 'roster_import' : null,
      subjectId: result.importId,
      details: { counts: result.counts, effectiveDate: result.effectiveDate, mode: result.mode, file: path.basename(source) },
    });
    process.stdout.write(`${describeResult(result)}\n`);
  } finally {
    await runtime.close();
  }
}
