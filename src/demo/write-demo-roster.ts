// Writes demo/roster.csv from a freshly loaded demo campaign (in a throwaway embedded PostgreSQL):
//   npx tsx src/demo/write-demo-roster.ts
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { boot } from '../bootstrap.js';
import { loadConfig } from '../config.js';
import { buildDemoRosterCsv } from './demo-roster-csv.js';
import { DEMO_SLUG } from './load-demo.js';

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'uh-demo-roster-'));
const runtime = await boot(loadConfig({}, { dataDir, sessionSecret: 'demo-roster-writer-secret-0123456789' }), { log: () => undefined });
try {
  const campaign = await runtime.services.repositories.campaigns.findBySlug(DEMO_SLUG);
  if (!campaign) throw new Error('the demo did not load');
  const out = path.resolve(import.meta.dirname, '..', '..', 'demo', 'roster.csv');
  writeFileSync(out, await buildDemoRosterCsv(runtime.database.db, campaign.id));
  process.stderr.write(`Wrote ${out}\n`);
} finally {
  await runtime.close();
  rmSync(dataDir, { recursive: true, force: true });
}
