// A card drive through a crash: every card the signer was thanked for is on disk, and each has its
// confirmation transmission recorded with it (sent, or due to send), whether the app server or the
// PostgreSQL server is killed in the middle (decision 0017: the card and its mail row commit
// together; delivery comes after the commit). When PostgreSQL dies (killed, or shut down by
// someone), the app stays up, answers 503 meanwhile, starts its embedded server again by itself,
// and takes cards and petition signatures again, without a person.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKeyring } from '../../src/crypto/keyring.js';
import { loadMasterKey } from '../../src/crypto/master-key.js';
import { startEmbeddedPostgres } from '../../src/db/embedded-postgres.js';
import { cleanUp, freePort, isAlive, makeDataDir, postgresProcessesOf, postmasterPid, startUnionhall, waitForHealthy, type Running } from '../support/unionhall-process.js';

const dataDirs: string[] = [];
afterAll(async () => cleanUp(dataDirs));

type Drive = { acknowledged: string[]; sent: number; unavailable: number; stop: () => void; done: Promise<void> };

/** Signers fill in the public card form as a browser does: GET (cookie, token), then POST. */
function startCardDrive(base: string, label: string): Drive {
  const acknowledged: string[] = [];
  let sent = 0;
  let unavailable = 0;
  let stopped = false;
  const sign = async (worker: number, i: number): Promise<void> => {
    const email = `${label}-${worker}-${i}@personal.example`;
    const page = await fetch(`${base}/card`);
    const html = await page.text();
    if (page.status === 503) {
      unavailable++;
      await new Promise((r) => setTimeout(r, 50));
      return;
    }
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
    if (res.status === 503) unavailable++;
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
  return { acknowledged, get sent() { return sent; }, get unavailable() { return unavailable; }, stop: () => (stopped = true), done };
}

/** Petition signers on the OSDI helper, as fast as the server answers. */
function startPetitionStream(base: string, petitionId: string, label: string): Drive {
  const acknowledged: string[] = [];
  let sent = 0;
  let unavailable = 0;
  let stopped = false;
  const worker = async (w: number): Promise<void> => {
    for (let i = 0; !stopped; i++) {
      const email = `${label}-${w}-${i}@petition.example`;
      sent++;
      try {
        const res = await fetch(`${base}/api/v1/petitions/${petitionId}/signatures`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ person: { given_name: 'Outage', family_name: `Signer${w}`, email_addresses: [{ address: email }] } }),
        });
        await res.text();
        if (res.status === 200) acknowledged.push(email);
        else if (res.status === 503) {
          unavailable++;
          await new Promise((r) => setTimeout(r, 50));
        }
      } catch {
        await new Promise((r) => setTimeout(r, 50));
      }
    }
  };
  const done = Promise.all(Array.from({ length: 8 }, (_, w) => worker(w))).then(() => undefined);
  return { acknowledged, get sent() { return sent; }, get unavailable() { return unavailable; }, stop: () => (stopped = true), done };
}

async function waitFor(condition: () => boolean, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Runs a query on the data folder's database: borrowing the running app's server, or starting one when none runs. */
async function queryDataDir<T extends pg.QueryResultRow>(dataDir: string, text: string, values: unknown[]): Promise<T[]> {
  const server = await startEmbeddedPostgres({ dataDir, database: 'unionhall', log: () => undefined });
  const client = new pg.Client(server.connection);
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
    await server.stop();
  }
}

async function storedCards(dataDir: string, label: string): Promise<Map<string, { mailId: string | null; mailKind: string | null }>> {
  // Emails are sealed at rest (decision 0025): read every card, open them with the data folder's key.
  const rows = await queryDataDir<{ email: string | null; mail_id: string | null; kind: string | null }>(
    dataDir,
    'select c.email, m.id as mail_id, m.kind from cards c left join mail_messages m on m.id = c.confirmation_mail_id',
    [],
  );
  const keys = await queryDataDir<{ id: string; wrapped_key: Buffer; purpose: 'field' | 'link'; retired_at: Date | null; created_at: Date }>(dataDir, 'select * from data_keys', []);
  const store = {
    list: async () => keys.map((k) => ({ id: k.id, wrappedKey: k.wrapped_key, purpose: k.purpose, retiredAt: k.retired_at, createdAt: k.created_at })),
    insert: () => Promise.reject(new Error('read only')),
    findOrInsertLinkKey: () => Promise.reject(new Error('read only')),
  };
  const cipher = await createKeyring({ masterKey: loadMasterKey({ dataDir }), store }).cipher();
  const opened = rows.map((r) => ({ ...r, email: cipher.decryptText(r.email) })).filter((r) => r.email?.startsWith(`${label}-`));
  return new Map(opened.map((r) => [r.email as string, { mailId: r.mail_id, mailKind: r.kind }]));
}

/** Acknowledged petition signatures that are not on disk with their confirmation email. */
async function lostSignatures(dataDir: string, acknowledged: string[]): Promise<string[]> {
  const rows = await queryDataDir<{ email: string }>(
    dataDir,
    "select s.email from petition_signatures s where s.email = any($1) and exists (select 1 from mail_messages m where m.to_address = s.email and m.kind = 'petition_confirmation')",
    [acknowledged],
  );
  const stored = new Set(rows.map((r) => r.email));
  return acknowledged.filter((email) => !stored.has(email));
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

});

describe('the app keeps running when its PostgreSQL dies, and starts it again itself', () => {
  let dataDir: string;
  let port: number;
  let app: Running;
  let petitionId: string;

  beforeAll(async () => {
    dataDir = makeDataDir('pg-outage');
    dataDirs.push(dataDir);
    port = await freePort();
    app = startUnionhall(['serve'], { PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn', CARD_FORM_RATE_LIMIT_PER_MINUTE: '100000', PETITION_IP_HOLD_PER_HOUR: '10000000', PETITION_IP_LIMIT_PER_MINUTE: '10000000', PETITION_EMAIL_LIMIT_PER_HOUR: '10000000' });
    await waitForHealthy(app, port, 240_000);
    const list = (await (await fetch(`http://127.0.0.1:${port}/api/v1/petitions`)).json()) as { _embedded: { 'osdi:petitions': { identifiers: string[] }[] } };
    petitionId = list._embedded['osdi:petitions'][0]!.identifiers[0]!.replace('unionhall:', '');
  }, 300_000);

  afterAll(async () => {
    if (app.child.exitCode === null) app.child.kill('SIGKILL');
  }, 60_000);

  async function outage(label: string, stop: (postmaster: number) => void): Promise<void> {
    const base = `http://127.0.0.1:${port}`;
    const cards = startCardDrive(base, label);
    const signatures = startPetitionStream(base, petitionId, label);
    await waitFor(() => cards.acknowledged.length >= 40 && signatures.acknowledged.length >= 200);
    const before = postmasterPid(dataDir)!;
    const restartsBefore = (app.stderr().match(/starting it again/g) ?? []).length;
    stop(before);

    // The app notices, says why, and starts PostgreSQL again: a new postmaster, ready again.
    await waitFor(() => (app.stderr().match(/starting it again/g) ?? []).length > restartsBefore, 60_000);
    await waitFor(() => (app.stderr().match(/running again/g) ?? []).length > restartsBefore, 120_000);
    const after = postmasterPid(dataDir);
    expect(after).not.toBeNull();
    expect(after).not.toBe(before);
    expect(isAlive(before)).toBe(false);

    // Writing resumes without anyone touching the app: more cards and signatures are thanked.
    const [cardsAt, signaturesAt] = [cards.acknowledged.length, signatures.acknowledged.length];
    await waitFor(() => cards.acknowledged.length >= cardsAt + 20 && signatures.acknowledged.length >= signaturesAt + 100);
    cards.stop();
    signatures.stop();
    await Promise.all([cards.done, signatures.done]);

    expect(app.child.exitCode).toBeNull();
    // Meanwhile it answered 503, not 500, and never crashed.
    expect(cards.unavailable + signatures.unavailable).toBeGreaterThan(0);
    expect(app.stderr()).not.toMatch(/unhandled|Internal Server Error|"statusCode":500/i);

    const stored = await storedCards(dataDir, label);
    expect(cards.acknowledged.filter((email) => !stored.has(email))).toEqual([]);
    expect(cards.acknowledged.filter((email) => stored.get(email)?.mailKind !== 'card_confirmation')).toEqual([]);
    expect(await lostSignatures(dataDir, signatures.acknowledged)).toEqual([]);
  }

  it('PostgreSQL killed (SIGKILL, every process): 503 meanwhile, restarted by the app, nothing acknowledged lost', { timeout: 600_000 }, async () => {
    await outage('pg-kill', () => {
      for (const pid of postgresProcessesOf(dataDir)) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // a backend that exited with its postmaster
        }
      }
    });
    expect(app.stderr()).toContain('The embedded PostgreSQL was killed (SIGKILL); starting it again.');
  });

  it('PostgreSQL shut down by someone else (fast shutdown): the same', { timeout: 600_000 }, async () => {
    await outage('pg-fast-stop', (postmaster) => process.kill(postmaster, 'SIGINT'));
    expect(app.stderr()).toMatch(/The embedded PostgreSQL exited \(code 0\); starting it again\./);
    // PostgreSQL's own log shows the shutdown and the two fresh starts.
    const log = readFileSync(path.join(dataDir, 'postgres.log'), 'utf8');
    expect(log).toContain('received fast shutdown request');
  });

  it('SIGTERM during a card drive: requests in flight finish, every thanked card is kept, exit 0', { timeout: 300_000 }, async () => {
    const cards = startCardDrive(`http://127.0.0.1:${port}`, 'sigterm');
    await waitFor(() => cards.acknowledged.length >= 20);
    app.child.kill('SIGTERM');
    const exit = await app.exited;
    cards.stop();
    await cards.done;
    expect(exit).toEqual({ code: 0, signal: null });
    expect(app.stderr()).toContain('SIGTERM: stopping Unionhall');
    const stored = await storedCards(dataDir, 'sigterm');
    expect(cards.acknowledged.filter((email) => !stored.has(email))).toEqual([]);
  });
});
