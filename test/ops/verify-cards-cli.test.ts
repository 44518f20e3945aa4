import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDataDirDatabase } from '../support/data-dir-database.js';
import { cleanUp, makeDataDir, runCli } from '../support/unionhall-process.js';

// `unionhall verify-cards` as a person runs it: a real process on a data folder of its own.

let dataDir: string;
const cli = (...args: string[]) => runCli(args, { DATA_DIR: dataDir });

beforeAll(async () => {
  dataDir = makeDataDir('verify-cards');
  const demo = await cli('demo');
  expect(demo.code, demo.stderr).toBe(0);
}, 120_000);
afterAll(async () => cleanUp([dataDir]), 60_000);

describe('unionhall verify-cards', () => {
  it('exits 0 when every hash matches, 2 and names the card when one was changed in SQL, 1 for an unknown campaign', { timeout: 120_000 }, async () => {
    const clean = await cli('verify-cards', '--campaign', 'meridian');
    expect(clean.code, clean.stderr).toBe(0);
    expect(clean.stdout).toMatch(/^meridian: all \d+ card hashes match their content\.$/m);

    // What someone with the database owner's rights could do: switch the guard off and edit a card.
    const { database } = await openDataDirDatabase(dataDir);
    let cardId: string;
    try {
      const client = await database.pool.connect();
      try {
        const { rows } = await client.query<{ id: string }>(`SELECT c.id FROM cards c JOIN campaigns k ON k.id = c.campaign_id WHERE k.slug = 'meridian' AND c.person_key IS NOT NULL ORDER BY c.signed_on LIMIT 1`);
        cardId = rows[0]!.id;
        await client.query('ALTER TABLE cards DISABLE TRIGGER cards_append_only_update');
        await client.query(`UPDATE cards SET signed_on = signed_on + 30 WHERE id = $1`, [cardId]);
        await client.query('ALTER TABLE cards ENABLE TRIGGER cards_append_only_update');
      } finally {
        client.release();
      }
    } finally {
      await database.close();
    }

    const caught = await cli('verify-cards', '--campaign', 'meridian');
    expect(caught.code, caught.stderr).toBe(2);
    expect(caught.stdout).toMatch(/^meridian: 1 of \d+ cards do NOT match their hash/m);
    expect(caught.stdout).toContain(`card ${cardId}`);

    const unknown = await cli('verify-cards', '--campaign', 'no-such-campaign');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('No campaign "no-such-campaign".');
  });
});
