// Roster import at scale: a 1,000,000-row CSV (10,000 worksites) streamed through the real import
// (the command `unionhall import roster` and the upload run) into an embedded
// PostgreSQL; prints time, rows/s and peak RSS, and, as the baseline in the same run, a raw COPY of
// the same file into a plain table. First, the weekly case of most unions: a 1,000-row roster
// imported into a campaign of its own (goal ≤ 1 s), then the same file again (nothing changed).
// Standalone:
//   npx tsx bench/roster-import-1m.ts            (ROSTER_BENCH_ROWS=200000 for a shorter run)
import { chmodSync, createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import pg from 'pg';
import { loadConfig } from '../src/config.js';
import { createDb } from '../src/db/client.js';
import { startEmbeddedPostgres } from '../src/db/embedded-postgres.js';
import { runMigrations } from '../src/db/migrate.js';
import { systemRequester } from '../src/domain/commands/requester.js';
import { createServices } from '../src/domain/create-services.js';
import { importRoster } from '../src/domain/roster/import-roster.js';

export type Figure = { name: string; value: string; comparison?: string; goal?: { text: string; met: boolean } };

const ROWS = Number(process.env.ROSTER_BENCH_ROWS ?? 1_000_000);
const WORKSITES = 10_000;
const LABEL = ROWS === 1_000_000 ? '1M rows' : `${ROWS.toLocaleString('en-US')} rows`;

async function writeCsv(file: string, rows: number, worksites = WORKSITES): Promise<void> {
  const out = createWriteStream(file, { highWaterMark: 1024 * 1024 });
  const write = async (chunk: string) => {
    if (!out.write(chunk)) await once(out, 'drain');
  };
  await write('Employee ID,First Name,Last Name,Work Email,School,Job Title,Unit,Start Date\n');
  let buffer = '';
  for (let i = 1; i <= rows; i++) {
    const site = (i % worksites) + 1;
    buffer += `E${String(i).padStart(7, '0')},Given${i % 997},Family${i % 1009},person${i}@bench.example,School ${String(site).padStart(5, '0')},${i % 11 === 0 ? 'Counselor' : 'Teacher'},Certificated,2014-08-15\n`;
    if (buffer.length > 512 * 1024) {
      await write(buffer);
      buffer = '';
    }
  }
  await write(buffer);
  out.end();
  await once(out, 'finish');
}

function sampleRss(): { stop: () => number } {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 25);
  return {
    stop: () => {
      clearInterval(timer);
      return Math.max(peak, process.memoryUsage().rss);
    },
  };
}

const goal = (text: string, met: boolean): string => ` [goal ${text}: ${met ? 'yes' : 'no'}]`;
const SMALL_ROWS = 1_000;
const SMALL_WORKSITES = 40;

async function createCampaign(pool: pg.Pool, slug: string, worksites: number): Promise<string> {
  const campaign = await pool.query<{ id: string }>(`insert into campaigns (slug, name) values ($1, $1) returning id`, [slug]);
  const campaignId = campaign.rows[0]!.id;
  await pool.query(`insert into bargaining_units (campaign_id, name) values ($1, 'Certificated')`, [campaignId]);
  await pool.query(`insert into employers (campaign_id, name) values ($1, 'Bench Network')`, [campaignId]);
  await pool.query(
    `insert into worksites (campaign_id, employer_id, name)
     select $1, (select id from employers where campaign_id = $1), 'School ' || lpad(g::text, 5, '0') from generate_series(1, $2) g`,
    [campaignId, worksites],
  );
  return campaignId;
}

const mb = (bytes: number): string => `${Math.round(bytes / 1024 / 1024)} MB`;
const rate = (rows: number, ms: number): string => `${Math.round(rows / (ms / 1000)).toLocaleString('en-US')} rows/s`;

export async function runRosterImportBenchmark(log: (m: string) => void): Promise<Figure[]> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'unionhall-roster-bench-'));
  // The server may run as `nobody` (when Node is root): it must reach the data folder and, for the
  // COPY baseline, read the CSV.
  chmodSync(dir, 0o755);
  const server = await startEmbeddedPostgres({ dataDir: path.join(dir, 'pg'), database: 'bench', log: () => undefined }).catch((err: unknown) => {
    rmSync(dir, { recursive: true, force: true });
    throw err;
  });
  const pool = new pg.Pool({ ...server.connection, max: 4 });
  try {
    await runMigrations(server.connection);
    const file = path.join(dir, 'roster.csv');
    log(`Writing ${ROWS.toLocaleString('en-US')} rows to ${file}…`);
    await writeCsv(file, ROWS);
    chmodSync(file, 0o644);
    const bytes = statSync(file).size;
    log(`  ${mb(bytes)}`);

    const campaignId = await createCampaign(pool, 'bench', WORKSITES);

    const config = loadConfig({}, { dataDir: dir, sessionSecret: 'roster-bench-secret-0123456789abcdef', logLevel: 'silent' });
    const services = createServices({ db: createDb(pool), config });

    const smallFile = path.join(dir, 'roster-1000.csv');
    await writeCsv(smallFile, SMALL_ROWS, SMALL_WORKSITES);
    await createCampaign(pool, 'weekly', SMALL_WORKSITES);
    const importSmall = async (): Promise<{ ms: number; counts: { new: number; unchanged: number } }> => {
      const t0 = performance.now();
      const small = await services.execute(importRoster, systemRequester('cli'), {
        slug: 'weekly',
        source: createReadStream(smallFile),
        fileName: 'roster-1000.csv',
        mapping: {},
        effectiveDate: '2015-08-17',
        mode: 'update',
        confirmLeaving: false,
      });
      return { ms: performance.now() - t0, counts: small.counts };
    };
    log(`Importing a ${SMALL_ROWS.toLocaleString('en-US')}-row roster into a campaign of its own, then the same file again…`);
    const firstSmall = await importSmall();
    const againSmall = await importSmall();
    if (firstSmall.counts.new !== SMALL_ROWS || againSmall.counts.unchanged !== SMALL_ROWS) throw new Error(`unexpected small import: ${JSON.stringify([firstSmall.counts, againSmall.counts])}`);
    log(`  first ${Math.round(firstSmall.ms)} ms, again ${Math.round(againSmall.ms)} ms`);

    if (global.gc) global.gc();
    const rssBefore = process.memoryUsage().rss;
    log('Importing through the roster import (stream → COPY into staging → set-wise merge → history)…');
    const rss = sampleRss();
    const started = performance.now();
    let read = 0;
    let nextReport = bytes / 10;
    const result = await services.execute(importRoster, systemRequester('cli'), {
      slug: 'bench',
      source: createReadStream(file, { highWaterMark: 256 * 1024 }),
      fileName: 'roster.csv',
      mapping: {},
      effectiveDate: '2015-08-17',
      mode: 'update',
      confirmLeaving: false,
      previewLimit: 5,
      onBytes: (n) => {
        read += n;
        if (read >= nextReport) {
          log(`  read ${Math.round((read / bytes) * 100)}%, RSS ${mb(process.memoryUsage().rss)}`);
          nextReport += bytes / 10;
        }
      },
      onPhase: (phase, rows) => log(`  ${phase} (${rows.toLocaleString('en-US')} rows staged) at ${((performance.now() - started) / 1000).toFixed(1)} s`),
    });
    const importMs = performance.now() - started;
    const peak = rss.stop();
    if (result.counts.new !== ROWS || result.counts.invalid !== 0) throw new Error(`unexpected import result: ${JSON.stringify(result.counts)}`);
    const count = await pool.query<{ n: number }>(`select count(*)::int n from employments where campaign_id = $1`, [campaignId]);
    if (count.rows[0]!.n !== ROWS) throw new Error(`expected ${ROWS} employments, found ${count.rows[0]!.n}`);

    log('Baseline: raw COPY of the same file into a plain table…');
    await pool.query(`create table bench_copy (employee_id text, given_name text, family_name text, work_email text, school text, job_title text, unit text, start_date text)`);
    const copyStarted = performance.now();
    const copied = await pool.query(`copy bench_copy from '${file.replace(/'/g, "''")}' with (format csv, header true)`).catch((err: unknown) => {
      log(`COPY failed: ${String(err)}`);
      throw err;
    });
    log(`  copied ${copied.rowCount}`);
    const copyMs = performance.now() - copyStarted;

    const scaledGoalSeconds = (20 * ROWS) / 1_000_000;
    return [
      {
        name: `roster import ${LABEL}, time`,
        value: `${(importMs / 1000).toFixed(1)} s`,
        comparison: `${(importMs / copyMs).toFixed(1)}× raw COPY ${(copyMs / 1000).toFixed(1)} s`,
        goal: { text: `≤ ${scaledGoalSeconds} s`, met: importMs <= scaledGoalSeconds * 1000 },
      },
      { name: `roster import ${LABEL}, throughput`, value: rate(ROWS, importMs), comparison: `raw COPY ${rate(ROWS, copyMs)}` },
      { name: `roster import ${LABEL}, peak RSS`, value: mb(peak), comparison: `RSS before ${mb(rssBefore)}; file ${mb(bytes)}`, goal: { text: '≤ 300 MB', met: peak <= 300 * 1024 * 1024 } },
      { name: `roster import 1,000 rows (new campaign), time`, value: `${Math.round(firstSmall.ms)} ms`, goal: { text: '≤ 1 s', met: firstSmall.ms <= 1000 } },
      { name: `roster import 1,000 rows again (unchanged), time`, value: `${Math.round(againSmall.ms)} ms`, goal: { text: '≤ 1 s', met: againSmall.ms <= 1000 } },
    ];
  } finally {
    await pool.end().catch(() => undefined);
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const figures = await runRosterImportBenchmark((m) => void process.stderr.write(`${m}\n`));
  for (const f of figures) process.stdout.write(`${f.name}: ${f.value}${f.comparison ? ` (${f.comparison})` : ''}${f.goal ? goal(f.goal.text, f.goal.met) : ''}\n`);
}
