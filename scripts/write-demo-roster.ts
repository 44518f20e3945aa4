// Writes demo/roster.csv from a freshly loaded demo campaign (in a throwaway embedded PostgreSQL):
//   npx tsx scripts/write-demo-roster.ts
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { boot } from '../src/bootstrap.js';
import { loadConfig } from '../src/config.js';
import { buildDemoRosterCsv, DEMO_ROSTER_EFFECTIVE } from '../src/demo/demo-roster-csv.js';
import '../src/demo/demo-steps.js';
import { loadDemo } from '../src/demo/load-demo.js';

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'uh-demo-roster-'));
const runtime = await boot(loadConfig({}, { dataDir, sessionSecret: 'demo-roster-writer-secret-0123456789' }), { demo: false, log: () => undefined });
try {
  // Loaded as of the seeds' own dates; the file has none, so it fits a demo of any year.
  const demo = await loadDemo(runtime.database.db, () => ({ tick: () => undefined, done: () => undefined }), { now: new Date('2015-06-20T19:00:00Z') });
  const out = path.resolve(import.meta.dirname, '..', 'demo', 'roster.csv');
  writeFileSync(out, await buildDemoRosterCsv(runtime.database.db, demo.campaignId, demo.calendar.date(DEMO_ROSTER_EFFECTIVE)));
  process.stderr.write(`Wrote ${out}\n`);
} finally {
  await runtime.close();
  rmSync(dataDir, { recursive: true, force: true });
}
