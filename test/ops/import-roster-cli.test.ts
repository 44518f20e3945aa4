import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDataDirDatabase } from '../support/data-dir-database.js';
import { cleanUp, makeDataDir, postgresProcessesOf, runCli } from '../support/unionhall-process.js';

// `unionhall import roster` against a data folder of its own, with the shipped demo roster.

const demoCsv = path.resolve(import.meta.dirname, '..', '..', 'demo', 'roster.csv');
let dataDir: string;
const cli = (...args: string[]) => runCli(args, { DATA_DIR: dataDir });

beforeAll(async () => {
  dataDir = makeDataDir('import-cli');
  const demo = await cli('demo', '--date', '2015-06-20');
  expect(demo.code, demo.stderr).toBe(0);
}, 120_000);
afterAll(async () => cleanUp([dataDir]), 60_000);

describe('unionhall import roster', () => {
  it('previews with --dry-run, then imports, reporting the diff', { timeout: 120_000 }, async () => {
    const dry = await cli('import', 'roster', demoCsv, '--campaign', 'meridian', '--dry-run', '--effective', '2015-08-17');
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toContain('Dry run (nothing written), effective 2015-08-17');
    expect(dry.stdout).toMatch(/rows 885: new 20, changed \d+, unchanged \d+, invalid 0/);
    expect(dry.stderr).toContain('Comparing 885 rows with the roster');

    const applied = await cli('import', 'roster', demoCsv, '--campaign', 'meridian', '--effective', '2015-08-17');
    expect(applied.code, applied.stderr).toBe(0);
    expect(applied.stdout).toMatch(/^Imported \(id [0-9a-f-]{36}\)/);
    expect(postgresProcessesOf(dataDir)).toEqual([]);

    const { database } = await openDataDirDatabase(dataDir);
    try {
      const result = await database.db.execute(sql`select count(*)::int n from people where employee_id like '200%'`);
      expect((result.rows[0] as { n: number }).n).toBe(20);
      const audit = await database.db.execute(sql`select count(*)::int n from audit_events where action = 'roster.imported' and actor_email = 'cli'`);
      expect((audit.rows[0] as { n: number }).n).toBe(1);
    } finally {
      await database.close();
    }
  });

  it('refuses a bad --map and an unknown campaign with a readable message', { timeout: 60_000 }, async () => {
    const badMap = await cli('import', 'roster', demoCsv, '--campaign', 'meridian', '--map', 'School=campus');
    expect(badMap.code).toBe(1);
    expect(badMap.stderr).toContain('--map School=campus: expected COLUMN=FIELD');
    const unknown = await cli('import', 'roster', demoCsv, '--campaign', 'nowhere', '--dry-run');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('No campaign "nowhere".');
  });
});
