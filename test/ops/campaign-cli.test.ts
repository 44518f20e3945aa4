import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDataDirDatabase } from '../support/data-dir-database.js';
import { cleanUp, makeDataDir, runCli } from '../support/unionhall-process.js';

// `unionhall campaign …` sets a campaign up from a script, on a data folder without the demo.

let dataDir: string;
const cli = (...args: string[]) => runCli(args, { DATA_DIR: dataDir });

beforeAll(() => {
  dataDir = makeDataDir('campaign-cli');
});
afterAll(async () => cleanUp([dataDir]), 60_000);

describe('unionhall campaign', () => {
  it('creates a campaign with two employers, three schools, a unit and an approved card text', { timeout: 240_000 }, async () => {
    const created = await cli('campaign', 'create', '--slug', 'valley', '--name', 'Valley Educators', '--goal', '60', '--reply-to', 'organize@union.example');
    expect(created.code, created.stderr).toBe(0);
    expect(created.stdout).toContain('Created the campaign "Valley Educators" at valley.');
    expect((await cli('campaign', 'employer', '--campaign', 'valley', '--name', 'North Charter', '--jurisdiction', 'perb', '--domain', 'north.example')).code).toBe(0);
    expect((await cli('campaign', 'employer', '--campaign', 'valley', '--name', 'South Network', '--jurisdiction', 'nlrb')).code).toBe(0);
    const list = path.join(dataDir, 'schools.csv');
    writeFileSync(list, 'Name,City,Employer\nAlder Prep,Fresno,North Charter\nBirch Academy,Fresno,North Charter\nCedar High,Visalia,South Network\n');
    const schools = await cli('campaign', 'worksites', '--campaign', 'valley', '--file', list);
    expect(schools.code, schools.stderr).toBe(0);
    expect(schools.stdout).toContain('Added 3 schools');
    expect((await cli('campaign', 'unit', '--campaign', 'valley', '--name', 'Certificated', '--job-title', 'Teacher', 'Counselor', '--applies-from', '2026-08-01')).code).toBe(0);
    const body = path.join(dataDir, 'card.txt');
    writeFileSync(body, 'I authorize the union to represent me.\n');
    const text = await cli('campaign', 'card-text', '--campaign', 'valley', '--language', 'en', '--title', 'Authorization card', '--body-file', body, '--approve');
    expect(text.code, text.stderr).toBe(0);

    const bad = await cli('campaign', 'worksites', '--campaign', 'valley', '--name', 'Dogwood');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('Some schools could not be added; none were.');

    const shown = await cli('campaign', 'show', '--campaign', 'valley');
    expect(shown.stdout).toContain('Employer South Network (NLRB)');
    expect(shown.stdout).toContain('  school Cedar High, Visalia');
    expect(shown.stdout).toContain('Unit Certificated from 2026-08-01: Teacher, Counselor');
    expect(shown.stdout).toContain('[approved]');

    // Set-up changes later: rename, remove what nothing uses, refuse what still has schools.
    const renamed = await cli('campaign', 'rename', '--campaign', 'valley', '--school', 'cedar high', '--to', 'Cedar High School');
    expect(renamed.code, renamed.stderr).toBe(0);
    expect(renamed.stdout).toContain('Renamed the school "Cedar High" to "Cedar High School".');
    expect((await cli('campaign', 'remove', '--campaign', 'valley', '--unit', 'Certificated')).stdout).toContain('Removed the unit "Certificated".');
    const refused = await cli('campaign', 'remove', '--campaign', 'valley', '--employer', 'South Network');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('"South Network" still has 1 school (Cedar High School)');

    expect((await cli('demo', '--remove')).stdout).toContain('The demo campaign is not loaded.');
    const { database } = await openDataDirDatabase(dataDir);
    try {
      const rows = await database.db.execute(sql`select slug from campaigns`);
      expect(rows.rows).toEqual([{ slug: 'valley' }]);
    } finally {
      await database.close();
    }
  });
});
