// A card drive through a crash: every card the signer was thanked for is on disk, and each has its
// confirmation transmission recorded with it (sent, or due to send), whether the app server or the
// PostgreSQL server is killed in the middle (decision 0017: the card and its mail row commit
// together; delivery comes after the commit).
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { startEmbeddedPostgres } from '../../src/db/embedded-postgres.js';
import { cleanUp, freePort, makeDataDir, postgresProcessesOf, startUnionhall, waitForHealthy, type Running } from '../support/unionhall-process.js';

const dataDirs: string[] = [];
afterAll(async () => cleanUp(dataDirs));

type Drive = { acknowledged: string[]; sent: number; stop: () => void; done: Promise<void> };

/** Signers fill in the public card form as a browser does: GET (cookie, token), then POST. */
function startCardDrive(base: string, label: string): Drive {
  const acknowledged: string[] = [];
  let sent = 0;
  let stopped = false;
  const sign = async (worker: number, i: number): Promise<void> => {
    const email = `${label}-${worker}-${i}@personal.example`;
    const page = await fetch(`${base}/card`);
    const html = await page.text();
    const cookie = page.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const csrf = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
    const version = /name="card_text_version" value="(\d+)"/.exec(html)?.[1];
    const worksite = /<option value="([0-9a-f-]{36})"/.exec(html)?.[1];
    if (!csrf || !version || !worksite) return;
    sent++;
    const body = new URLSearchParams({ _csrf: csrf, card_text_version: version, legal_name: `Crash Signer ${worker} ${i}`, email, phone: '(323) 555-0100', worksite_id: worksite, job_title: 'Teacher', agree: 'yes', signature: `Crash Signer ${worker} ${i}`, website: '' });
    const res = await fetch(`${base}/card`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', cookie }, body });
    await res.text();
    if (res.status === 200) acknowledged.push(email);
  };
  const worker = async (w: number): Promise<void> => {
    for (let i = 0; !stopped; i++) {
      try {
        await sign(w, i);
      } catch {
        await new Promise((r) => setTimeout(r, 50)); // the server is gone or restarting
      }
    }
  };
  const done = Promise.all(Array.from({ length: 8 }, (_, w) => worker(w))).then(() => undefined);
  return { acknowledged, get sent() { return sent; }, stop: () => (stopped = true), done };
}

async function waitFor(condition: () => boolean, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Reads the data folder's database after the test's servers are gone. */
async function storedCards(dataDir: string, label: string): Promise<Map<string, { mailId: string | null; mailKind: string | null }>> {
  const server = await startEmbeddedPostgres({ dataDir, database: 'unionhall', log: () => undefined });
  const client = new pg.Client(server.connection);
  await client.connect();
  try {
    const { rows } = await client.query<{ email: string; mail_id: string | null; kind: string | null }>(
      'select c.email, m.id as mail_id, m.kind from cards c left join mail_messages m on m.id = c.confirmation_mail_id where c.email like $1',
      [`${label}-%`],
    );
    return new Map(rows.map((r) => [r.email, { mailId: r.mail_id, mailKind: r.kind }]));
  } finally {
    await client.end();
    await server.stop();
  }
}

async function runCrash(label: string, kill: (running: Running, dataDir: string) => void): Promise<void> {
  const dataDir = makeDataDir(label);
  dataDirs.push(dataDir);
  const port = await freePort();
  const env = { PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, CARD_FORM_RATE_LIMIT_PER_MINUTE: '100000' };
  const first = startUnionhall(['serve'], env);
  await waitForHealthy(first, port, 240_000);
  const drive = startCardDrive(`http://127.0.0.1:${port}`, label);
  // Kill once cards are flowing, so that some are acknowledged and others are in flight.
  await waitFor(() => drive.acknowledged.length >= 40);
  kill(first, dataDir);
  await new Promise((r) => setTimeout(r, 500));
  drive.stop();
  await drive.done;
  first.child.kill('SIGKILL');
  await first.exited;
  expect(drive.sent).toBeGreaterThan(drive.acknowledged.length);

  const stored = await storedCards(dataDir, label);
  const lost = drive.acknowledged.filter((email) => !stored.has(email));
  const unconfirmed = drive.acknowledged.filter((email) => stored.get(email)?.mailKind !== 'card_confirmation');
  expect(lost).toEqual([]);
  expect(unconfirmed).toEqual([]);

  // And the app starts again on the same folder and takes cards.
  const second = startUnionhall(['serve'], env);
  await waitForHealthy(second, port, 240_000);
  const after = startCardDrive(`http://127.0.0.1:${port}`, `${label}-after`);
  await waitFor(() => after.acknowledged.length >= 1);
  after.stop();
  await after.done;
  second.child.kill('SIGTERM');
  await second.exited;
}

describe('support cards survive a crash during a card drive', () => {
  it('keeps every acknowledged card and its confirmation when the app server is killed (SIGKILL)', { timeout: 600_000 }, async () => {
    await runCrash('card-app-kill', (running) => running.child.kill('SIGKILL'));
  });

  it('keeps every acknowledged card and its confirmation when PostgreSQL is killed (SIGKILL)', { timeout: 600_000 }, async () => {
    await runCrash('card-pg-kill', (_running, dataDir) => {
      for (const pid of postgresProcessesOf(dataDir)) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // a backend that exited with its postmaster
        }
      }
    });
  });
});
