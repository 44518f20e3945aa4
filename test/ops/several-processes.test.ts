// Two real `unionhall serve` processes on one database (DATABASE_URL), as behind a load balancer:
// requests alternate between them. They start together on an empty database; a form from one is
// taken by the other; every rate limit holds across both at its configured value; a proof of work
// is accepted once; an edited page changes on both within a second.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDb } from '../../src/db/client.js';
import { campaigns } from '../../src/db/schema/index.js';
import { addMember, createAccount, TEST_PASSWORD } from '../support/factories.js';
import { withDatabase } from '../support/global-setup.js';
import { relaxSecondFactorRequirement } from '../support/second-factor-requirement.js';
import { csrfFromPage, formBody, solveFromPage } from '../support/petition-helpers.js';
import { cleanUp, freePort, makeDataDir, startUnionhall, waitForHealthy, type Running } from '../support/unionhall-process.js';

const SHARED_DATA_KEY = Buffer.alloc(32, 7).toString('base64url');

const LIMITS = { LOGIN_RATE_LIMIT_PER_MINUTE: 4, CARD_FORM_RATE_LIMIT_PER_MINUTE: 5, PETITION_IP_LIMIT_PER_MINUTE: 6, PETITION_IP_HOLD_PER_HOUR: 3, PETITION_EMAIL_LIMIT_PER_HOUR: 2 };
const RSVP_AND_SUBSCRIBE_LIMIT = 10; // the routes' own default

let databaseUrl: string;
let databaseName: string;
let pool: pg.Pool;
const dataDirs: string[] = [];
const servers: { running: Running; base: string }[] = [];

/** A fresh, empty database on the test server (the embedded one of the run, or the external one). */
function freshDatabase(): { url: string; name: string; admin: pg.ClientConfig } {
  const server = inject('pg');
  const name = `uh_two_${randomBytes(4).toString('hex')}`;
  if (server.externalUrl) return { url: withDatabase(server.externalUrl, name), name, admin: { connectionString: server.externalUrl } };
  const credentials = `${encodeURIComponent(server.user)}:${encodeURIComponent(server.password)}`;
  return {
    url: `postgresql://${credentials}@localhost:${server.port}/${name}?host=${encodeURIComponent(server.host)}`,
    name,
    admin: { host: server.host, port: server.port, user: server.user, password: server.password, database: 'postgres' },
  };
}

beforeAll(async () => {
  const fresh = freshDatabase();
  databaseUrl = fresh.url;
  databaseName = fresh.name;
  const admin = new pg.Client(fresh.admin);
  await admin.connect();
  await admin.query(`CREATE DATABASE ${databaseName}`);
  await admin.end();
  pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });

  // Like the session secret, the master key is the same in every process on one database (each
  // has its own DATA_DIR here): data keys one process wraps, the other must open.
  // Started together on the empty database: both migrate, load the demo and make the first admin
  // at the same moment; the start-up lock makes them take turns.
  for (const label of ['a', 'b']) {
    const dataDir = makeDataDir(`two-${label}`);
    dataDirs.push(dataDir);
    const port = await freePort();
    const env = { PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, DATABASE_URL: databaseUrl, SESSION_SECRET: 'two-processes-share-this-secret-0123456789', DATA_KEY: SHARED_DATA_KEY, TRUST_PROXY: 'true', LOG_LEVEL: 'warn', ...Object.fromEntries(Object.entries(LIMITS).map(([k, v]) => [k, String(v)])) };
    servers.push({ running: startUnionhall(['serve'], env), base: `http://127.0.0.1:${port}` });
  }
  await Promise.all(servers.map((s) => waitForHealthy(s.running, Number(new URL(s.base).port), 240_000)));
}, 300_000);

afterAll(async () => {
  for (const { running } of servers) running.child.kill('SIGTERM');
  await Promise.all(servers.map((s) => s.running.exited));
  await pool?.end();
  const fresh = freshDatabase();
  const admin = new pg.Client(fresh.admin);
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`);
  await admin.end();
  await cleanUp(dataDirs);
}, 60_000);

/** Request `i` goes to process i % 2, as a round-robin balancer would send it; the client is `ip`. */
function balanced(ip: string) {
  let i = 0;
  const cookies = new Map<string, string>();
  return async (path: string, init: RequestInit = {}): Promise<Response> => {
    const target = servers[i++ % 2]!;
    const headers = new Headers(init.headers);
    headers.set('x-forwarded-for', ip);
    if (cookies.size > 0) headers.set('cookie', [...cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    const res = await fetch(`${target.base}${path}`, { ...init, headers, redirect: 'manual' });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const [name, ...value] = (pair ?? '').split('=');
      if (name) cookies.set(name.trim(), value.join('='));
    }
    return res;
  };
}

const form = (fields: Record<string, string>): RequestInit => ({ method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: formBody(fields) });

async function statuses(count: number, send: () => Promise<Response>): Promise<number[]> {
  const codes: number[] = [];
  for (let k = 0; k < count; k++) {
    const res = await send();
    await res.arrayBuffer();
    codes.push(res.status);
  }
  return codes;
}

describe('two app processes on one database', () => {
  it('both came up from an empty database, with one demo and one first admin', async () => {
    for (const { running } of servers) expect(running.child.exitCode).toBeNull();
    const { rows } = await pool.query<{ n: number }>('select count(*)::int as n from campaigns');
    expect(rows[0]?.n).toBe(1);
    const admins = await pool.query<{ n: number }>("select count(*)::int as n from accounts where email = 'admin@unionhall.localhost'");
    expect(admins.rows[0]?.n).toBe(1);
    // Exactly one of them loaded the demo; the other found it loaded.
    expect(servers.filter((s) => s.running.stderr().includes('loading the demo'))).toHaveLength(1);
  });

  it('take a form rendered by one and posted to the other', async () => {
    const send = balanced('10.20.0.1');
    const page = await send('/card');
    const html = await page.text();
    const worksite = /<option value="([0-9a-f-]{36})"/.exec(html)?.[1] ?? '';
    const version = /name="card_text_version" value="(\d+)"/.exec(html)?.[1] ?? '';
    const res = await send('/card', form({ _csrf: csrfFromPage(html), card_text_version: version, legal_name: 'Tomás Two', email: 'tomas.two@personal.example', phone: '(323) 555-0100', worksite_id: worksite, job_title: 'Teacher', agree: 'yes', signature: 'Tomás Two', website: '' }));
    expect(res.status).toBe(200);
    expect(await res.text()).not.toContain('Please reload the card');
  });

  it('hold the sign-in limit across both', async () => {
    const send = balanced('10.20.1.1');
    const csrf = (await (await send('/api/auth/csrf')).json()) as { token: string };
    const codes = await statuses(LIMITS.LOGIN_RATE_LIMIT_PER_MINUTE + 2, () =>
      send('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': csrf.token }, body: JSON.stringify({ email: 'nobody@example.org', password: 'not the password' }) }),
    );
    expect(codes).toEqual([...Array(LIMITS.LOGIN_RATE_LIMIT_PER_MINUTE).fill(401), 429, 429]);
  });

  it('hold the card form’s, the RSVP form’s and the newsletter sign-up’s limits across both', async () => {
    const card = balanced('10.20.2.1');
    // Posts without a form token are refused (403) but counted; beyond the limit, 429.
    expect(await statuses(LIMITS.CARD_FORM_RATE_LIMIT_PER_MINUTE + 2, () => card('/card', form({ legal_name: 'x' })))).toEqual([...Array(LIMITS.CARD_FORM_RATE_LIMIT_PER_MINUTE).fill(403), 429, 429]);

    const events = await (await fetch(`${servers[0]!.base}/events`)).text();
    const eventSlug = /href="\/events\/([a-z0-9-]+)"/.exec(events)?.[1];
    expect(eventSlug).toBeDefined();
    const rsvp = balanced('10.20.3.1');
    expect(await statuses(RSVP_AND_SUBSCRIBE_LIMIT + 2, () => rsvp(`/events/${eventSlug}/rsvp`, form({ name: 'x' })))).toEqual([...Array(RSVP_AND_SUBSCRIBE_LIMIT).fill(403), 429, 429]);

    const subscribe = balanced('10.20.4.1');
    expect(await statuses(RSVP_AND_SUBSCRIBE_LIMIT + 2, () => subscribe('/news/subscribe', form({ email: 'x@example.org' })))).toEqual([...Array(RSVP_AND_SUBSCRIBE_LIMIT).fill(403), 429, 429]);
  });

  it('hold the petition’s limits across both: per-minute refusals, hourly holds, mail per address', async () => {
    const petition = (await (await fetch(`${servers[0]!.base}/api/v1/petitions`)).json()) as { _embedded: { 'osdi:petitions': { identifiers: string[] }[] } };
    const id = petition._embedded['osdi:petitions'][0]!.identifiers[0]!.replace('unionhall:', '');
    const sign = (send: ReturnType<typeof balanced>, email: string) =>
      send(`/api/v1/petitions/${id}/signatures`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ person: { given_name: 'Two', family_name: 'Processes', email_addresses: [{ address: email }] } }) });

    const flood = balanced('10.20.5.1');
    let n = 0;
    const codes = await statuses(LIMITS.PETITION_IP_LIMIT_PER_MINUTE + 2, () => sign(flood, `flood-${n++}@two.example`));
    expect(codes).toEqual([...Array(LIMITS.PETITION_IP_LIMIT_PER_MINUTE).fill(200), 429, 429]);
    const held = await pool.query<{ email: string; hold_reason: string | null }>("select email, hold_reason from petition_signatures where email like 'flood-%' order by created_at");
    // Beyond the hourly number from one network, signatures are held for review.
    expect(held.rows.map((r) => r.hold_reason)).toEqual([...Array(LIMITS.PETITION_IP_HOLD_PER_HOUR).fill(null), ...Array(LIMITS.PETITION_IP_LIMIT_PER_MINUTE - LIMITS.PETITION_IP_HOLD_PER_HOUR).fill('ip_rate')]);

    for (let k = 0; k < 4; k++) expect((await sign(balanced(`10.20.6.${k}`), 'one-inbox@two.example')).status).toBe(200);
    const mails = await pool.query<{ n: number }>("select count(*)::int as n from mail_messages where to_address = 'one-inbox@two.example'");
    expect(mails.rows[0]?.n).toBe(LIMITS.PETITION_EMAIL_LIMIT_PER_HOUR);
  });

  it('accept a solved proof of work once, whichever process sees it', async () => {
    const petitionPage = (await (await fetch(`${servers[0]!.base}/api/v1/petitions`)).json()) as { _embedded: { 'osdi:petitions': { browser_url: string }[] } };
    const path = new URL(petitionPage._embedded['osdi:petitions'][0]!.browser_url).pathname;
    const send = balanced('10.20.7.1');
    const first = await (await send(path)).text();
    const solved = await solveFromPage(first);
    const post = async (email: string) => {
      const page = await (await send(path)).text();
      return send(path, form({ _csrf: csrfFromPage(page), altcha: solved, website: '', given_name: 'Pow', family_name: 'Once', email, zip: '90011', relationship: 'parent' }));
    };
    expect((await post('pow-1@two.example')).status).toBe(303);
    expect((await post('pow-2@two.example')).status).toBe(303);
    const { rows } = await pool.query<{ email: string; hold_reason: string | null }>("select email, hold_reason from petition_signatures where email like 'pow-%' order by email");
    expect(rows).toEqual([
      { email: 'pow-1@two.example', hold_reason: null },
      { email: 'pow-2@two.example', hold_reason: 'proof_of_work_replayed' },
    ]);
  });

  it('show an edited page, and drop a deleted one, on both within a second', async () => {
    const db = createDb(pool);
    const [campaign] = await db.select().from(campaigns);
    const account = await createAccount(db, { email: 'two-processes-organizer@example.org' });
    await addMember(db, account.id, campaign!.id, 'organizer');
    // About the page cache, not the second factor: an organizer signs in with the password alone here.
    await relaxSecondFactorRequirement(db);
    const organizer = balanced('10.20.8.1');
    const csrf = (await (await organizer('/api/auth/csrf')).json()) as { token: string };
    const api = (path: string, method: string, body?: unknown) =>
      organizer(path, { method, headers: { 'x-csrf-token': csrf.token, ...(body === undefined ? {} : { 'content-type': 'application/json' }) }, body: body === undefined ? undefined : JSON.stringify(body) });
    expect((await api('/api/auth/login', 'POST', { email: account.email, password: TEST_PASSWORD })).status).toBe(200);

    const created = await api(`/api/campaigns/${campaign!.slug}/press`, 'POST', { kind: 'release', headline: 'Two processes, first headline', publishedOn: '2026-01-15', bodyMarkdown: 'Text.' });
    expect(created.status).toBe(201);
    const item = ((await created.json()) as { item: { id: string; slug: string } }).item;
    const page = `/press/${item.slug}`;
    const fetchBoth = () => Promise.all(servers.map(async (s) => fetch(`${s.base}${page}`).then(async (r) => ({ status: r.status, body: await r.text() }))));
    // Both render it and keep it in their page caches.
    for (const r of await fetchBoth()) expect(r.body).toContain('Two processes, first headline');

    /** Waits until both processes show `expected` (at most a second after the change was acknowledged). */
    const onBothWithinASecond = async (expected: (r: { status: number; body: string }) => boolean) => {
      const deadline = Date.now() + 1000;
      let seen = await fetchBoth();
      while (!seen.every(expected) && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 25));
        seen = await fetchBoth();
      }
      return seen.map(expected);
    };
    expect((await api(`/api/campaigns/${campaign!.slug}/press/${item.id}`, 'PATCH', { headline: 'Two processes, edited headline' })).status).toBe(200);
    expect(await onBothWithinASecond((r) => r.body.includes('Two processes, edited headline'))).toEqual([true, true]);

    expect((await api(`/api/campaigns/${campaign!.slug}/press/${item.id}`, 'DELETE')).status).toBe(204);
    expect(await onBothWithinASecond((r) => r.status === 404)).toEqual([true, true]);
  });
});
