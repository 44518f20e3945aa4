// Two app instances on one database, each with its own pool and services, as two processes behind a
// load balancer would be: what one knows, the other knows (the state lives in PostgreSQL). The
// same checks with real processes are in test/ops/several-processes.test.ts.
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadConfig, type Config } from '../../src/config.js';
import { createDb } from '../../src/db/client.js';
import { createPgNotifications, type Notifications } from '../../src/db/notifications.js';
import { createPool } from '../../src/db/open-database.js';
import { createServices } from '../../src/domain/create-services.js';
import { buildApp } from '../../src/http/build-app.js';
import { addCardText, csrfFrom, versionFrom } from '../support/card-fixtures.js';
import { createCampaign, type CampaignFixture } from '../support/factories.js';
import { createPetition, csrfFromPage, formBody, solveFromPage } from '../support/petition-helpers.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

let database: TestDatabase;
let fixture: CampaignFixture;
let petitionId: string;
const running: { app: FastifyInstance; notifications: Notifications; pool: pg.Pool }[] = [];
let a: FastifyInstance;
let b: FastifyInstance;

const config: Config = loadConfig(
  {},
  {
    dataDir: '/nonexistent',
    sessionSecret: 'shared-secret-shared-secret-shared-secret',
    logLevel: 'silent',
    loginRateLimitPerMinute: 3,
    cardFormRateLimitPerMinute: 4,
    petitionIpLimitPerMinute: 5,
    petitionIpHoldPerHour: 1000,
    petitionEmailLimitPerHour: 1000,
  },
);

async function start(): Promise<FastifyInstance> {
  const pool = createPool(database.connection, config, () => undefined);
  const db = createDb(pool);
  const notifications = createPgNotifications(database.connection, pool, () => undefined);
  const app = await buildApp({ config, db, services: createServices({ db, config, notifications }), logger: false });
  await app.ready();
  running.push({ app, notifications, pool });
  return app;
}

beforeAll(async () => {
  database = await createTestDatabase();
  fixture = await createCampaign(database.db, { isDefault: true });
  await addCardText(database.db, fixture.campaign.id);
  petitionId = (await createPetition(database.db, fixture.campaign.id)).id;
  a = await start();
  b = await start();
});
afterAll(async () => {
  for (const r of running) {
    await r.app.close();
    await r.notifications.close();
    await r.pool.end();
  }
  await database.drop();
});

const cookieOf = (res: LightMyRequestResponse): string => res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');

describe('two app processes on one database', () => {
  it('take a form rendered by one and posted to the other', async () => {
    const page = await a.inject({ method: 'GET', url: '/card' });
    const res = await b.inject({
      method: 'POST',
      url: '/card',
      headers: { cookie: cookieOf(page), 'content-type': 'application/x-www-form-urlencoded' },
      payload: formBody({
        _csrf: csrfFrom(page.body),
        card_text_version: versionFrom(page.body),
        legal_name: 'Rosa Two Processes',
        email: 'rosa.two@personal.example',
        phone: '(323) 555-0100',
        worksite_id: fixture.sites[0]!.id,
        job_title: 'Teacher',
        agree: 'yes',
        signature: 'Rosa Two Processes',
        website: '',
      }),
      remoteAddress: '10.9.0.1',
    });
    expect(res.statusCode, res.body).toBe(200);
  });

  it('hold the sign-in limit across both: the configured number, not twice it', async () => {
    const csrf = await a.inject({ method: 'GET', url: '/api/auth/csrf', remoteAddress: '10.9.1.1' });
    const token = (csrf.json() as { token: string }).token;
    const codes: number[] = [];
    for (let i = 0; i < 5; i++) {
      const app = i % 2 === 0 ? a : b;
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: '10.9.1.1', headers: { cookie: cookieOf(csrf), 'x-csrf-token': token }, payload: { email: 'nobody@example.org', password: 'not the password' } });
      codes.push(res.statusCode);
    }
    expect(codes).toEqual([401, 401, 401, 429, 429]);
  });

  it('hold the card form’s limit across both', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 6; i++) {
      const res = await (i % 2 === 0 ? a : b).inject({ method: 'POST', url: '/card', remoteAddress: '10.9.2.1', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'legal_name=x' });
      codes.push(res.statusCode);
    }
    // The first four are refused for their missing CSRF token (403); then the limit (429).
    expect(codes).toEqual([403, 403, 403, 403, 429, 429]);
  });

  it('hold the petition’s per-minute limit across both', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 7; i++) {
      const res = await (i % 2 === 0 ? a : b).inject({
        method: 'POST',
        url: `/api/v1/petitions/${petitionId}/signatures`,
        remoteAddress: '10.9.3.1',
        payload: { person: { given_name: 'Ana', family_name: 'Soto', email_addresses: [{ address: `limit-${i}@x.example` }] } },
      });
      codes.push(res.statusCode);
    }
    expect(codes).toEqual([200, 200, 200, 200, 200, 429, 429]);
  });

  it('accept a solved proof of work once, whichever takes it', async () => {
    const sign = async (app: FastifyInstance, email: string, altcha: string) => {
      const page = await app.inject({ method: 'GET', url: '/petition/fair-process' });
      return app.inject({
        method: 'POST',
        url: '/petition/fair-process',
        remoteAddress: '10.9.4.1',
        headers: { cookie: cookieOf(page), 'content-type': 'application/x-www-form-urlencoded' },
        payload: formBody({ _csrf: csrfFromPage(page.body), altcha, website: '', given_name: 'Lu', family_name: 'Proof', email, zip: '90011', relationship: 'parent' }),
      });
    };
    const solved = await solveFromPage((await a.inject({ method: 'GET', url: '/petition/fair-process' })).body);
    expect((await sign(a, 'proof-1@x.example', solved)).statusCode).toBe(303);
    expect((await sign(b, 'proof-2@x.example', solved)).statusCode).toBe(303);
    const { rows } = await database.pool.query<{ email: string; hold_reason: string | null }>("select email, hold_reason from petition_signatures where email like 'proof-%' order by email");
    expect(rows).toEqual([
      { email: 'proof-1@x.example', hold_reason: null },
      { email: 'proof-2@x.example', hold_reason: 'proof_of_work_replayed' },
    ]);
  });

  it('tell each other of changes through LISTEN/NOTIFY, and of a gap after a lost connection', async () => {
    const heard: string[] = [];
    const gaps: number[] = [];
    const listener = createPgNotifications(database.connection, database.pool, () => undefined);
    const speaker = createPgNotifications(database.connection, database.pool, () => undefined);
    try {
      listener.subscribe('test_channel', (p) => heard.push(p), () => gaps.push(1));
      const until = async (check: () => boolean) => {
        for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 25));
      };
      // The listening connection opens in the background: publish until it hears.
      for (let i = 0; i < 40 && heard.length === 0; i++) {
        await speaker.publish('test_channel', 'campaign-1');
        await until(() => heard.length > 0);
      }
      expect(heard[0]).toBe('campaign-1');
      // Its connection is ended from outside (a database restart): it comes back and says so.
      const server = inject('pg');
      const admin = new pg.Client({ host: server.host, port: server.port, user: server.user, password: server.password, database: 'postgres' });
      await admin.connect();
      await admin.query("select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and query like 'LISTEN%'", [database.name]);
      await admin.end();
      await until(() => gaps.length > 0);
      expect(gaps.length).toBeGreaterThan(0);
      heard.length = 0;
      await speaker.publish('test_channel', 'campaign-2');
      await until(() => heard.length > 0);
      expect(heard).toEqual(['campaign-2']);
    } finally {
      await listener.close();
      await speaker.close();
    }
  });
});
