// Every signature answered with 200 is on disk: the server is killed with SIGKILL in the middle of
// a stream of signatures, restarted on the same data folder (with the embedded PostgreSQL it
// recovers the orphaned server itself; on an external server it just connects again), and every
// acknowledged signature must be there.
import { afterAll, describe, expect, it } from 'vitest';
import { openDataDirDatabase } from '../support/data-dir-database.js';
import { cleanUp, freePort, makeDataDir, startUnionhall, waitForHealthy, type Running } from '../support/unionhall-process.js';

let dataDir: string;
let port: number;
let base: string;

function startServer(): Running {
  return startUnionhall(['serve'], {
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    PETITION_IP_HOLD_PER_HOUR: '10000000',
    PETITION_IP_LIMIT_PER_MINUTE: '10000000',
    PETITION_EMAIL_LIMIT_PER_HOUR: '10000000',
  });
}

afterAll(async () => cleanUp([dataDir]), 60_000);

describe('petition signatures survive SIGKILL', () => {
  it('finds every acknowledged signature after a kill -9 mid-stream and a restart', { timeout: 300_000 }, async () => {
    dataDir = makeDataDir('petition-crash');
    port = await freePort();
    base = `http://127.0.0.1:${port}`;
    const first = startServer();
    await waitForHealthy(first, port, 180_000);
    const list = (await (await fetch(`${base}/api/v1/petitions`)).json()) as { _embedded: { 'osdi:petitions': { identifiers: string[] }[] } };
    const petitionId = list._embedded['osdi:petitions'][0]?.identifiers[0]?.replace('unionhall:', '');
    expect(petitionId).toBeDefined();

    const acknowledged: string[] = [];
    let failed = 0;
    let sent = 0;
    let killed = false;
    const stream = async (worker: number): Promise<void> => {
      for (let i = 0; ; i++) {
        const email = `crash-${worker}-${i}@crash.example`;
        sent++;
        try {
          const res = await fetch(`${base}/api/v1/petitions/${petitionId}/signatures`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ person: { given_name: 'Crash', family_name: `Test${worker}`, email_addresses: [{ address: email }] } }),
          });
          if (res.status === 200) acknowledged.push(email);
          else failed++;
        } catch {
          failed++;
          if (killed) return; // the server is gone: this stream is over
        }
      }
    };
    const streams = Array.from({ length: 16 }, (_, w) => stream(w));
    // Kill once signatures are flowing, so that some are acknowledged and others are in flight.
    while (acknowledged.length < 300) await new Promise((r) => setTimeout(r, 20));
    first.child.kill('SIGKILL');
    killed = true;
    await first.exited;
    await Promise.all(streams);
    expect(failed).toBeGreaterThan(0);
    expect(sent).toBeGreaterThan(acknowledged.length);

    const second = startServer();
    await waitForHealthy(second, port, 180_000);
    // The folder's database: the second server's embedded one (borrowed), or the external server's.
    const { database } = await openDataDirDatabase(dataDir);
    const client = database.pool;
    try {
      const { rows } = await client.query<{ email: string }>("select email from petition_signatures where email like 'crash-%'");
      const stored = new Set(rows.map((r) => r.email));
      const lost = acknowledged.filter((e) => !stored.has(e));
      expect(lost).toEqual([]);
      // And each acknowledged signature's confirmation email was recorded with it.
      const mails = await client.query<{ n: number }>("select count(*)::int as n from mail_messages where to_address like 'crash-%' and kind = 'petition_confirmation'");
      expect(mails.rows[0]?.n).toBeGreaterThanOrEqual(acknowledged.length);
    } finally {
      await database.close();
    }
    // The restarted server works.
    const after = await fetch(`${base}/api/v1/petitions/${petitionId}/signatures`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ person: { given_name: 'After', family_name: 'Restart', email_addresses: [{ address: 'after-restart@crash.example' }] } }),
    });
    expect(after.status).toBe(200);
  });
});
