import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accounts, campaigns, memberships, people, worksites } from '../../src/db/schema/index.js';
import { DEMO_SLUG } from '../../src/demo/load-demo.js';
import { createServices } from '../../src/domain/create-services.js';
import { buildApp } from '../../src/http/build-app.js';
import { openDataDirDatabase } from '../support/data-dir-database.js';
import { Agent } from '../support/test-app.js';
import { cleanUp, makeDataDir, postgresProcessesOf, runCli } from '../support/unionhall-process.js';

// The `unionhall` command against a data folder of its own (no server running on it).

const SCHOOL = 'Cedar Hills Middle';
let dataDir: string;
const cli = (...args: string[]) => runCli(args, { DATA_DIR: dataDir });

/** The app on the data folder's database, in this process, for checking what the CLI made. */
async function withApp<T>(use: (ctx: { agent: () => Agent; db: Awaited<ReturnType<typeof openDataDirDatabase>>['database']['db'] }) => Promise<T>): Promise<T> {
  const { config, database } = await openDataDirDatabase(dataDir);
  const services = createServices({ db: database.db, config });
  const app = await buildApp({ config, db: database.db, services, logger: false });
  await app.ready();
  try {
    return await use({ agent: () => new Agent(app), db: database.db });
  } finally {
    await app.close();
    await database.close();
  }
}

beforeAll(async () => {
  dataDir = makeDataDir('cli');
  // As of the seeds' own dates: the checks below ask for the roster of March 2015.
  const demo = await cli('demo', '--date', '2015-06-20');
  expect(demo.code, demo.stderr).toBe(0);
  expect(demo.stderr).toMatch(/Loaded the demo campaign "meridian": 25 schools, \d{3} educators in the unit\./);
  expect(demo.stderr).toContain('Its story is dated February–June 2015; demo/roster.csv is the roster as of 2015-08-17');
}, 120_000);
afterAll(async () => cleanUp([dataDir]), 60_000);

describe('unionhall user create', () => {
  it('creates a committee member at a worksite and prints a one-time link that works', { timeout: 90_000 }, async () => {
    const result = await cli('user', 'create', '--email', 'Rosa.Committee@Example.org', '--name', 'Rosa', '--role', 'committee', '--worksite', SCHOOL.toLowerCase());
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('Created rosa.committee@example.org (committee in meridian)');
    const token = /\/app\/welcome\?token=([\w-]+)/.exec(result.stdout)?.[1];
    expect(token).toBeDefined();
    expect(postgresProcessesOf(dataDir)).toEqual([]);

    await withApp(async ({ agent }) => {
      const rosa = agent();
      const set = await rosa.post('/api/auth/password', { token, password: 'committee member password' });
      expect(set.statusCode, set.body).toBe(200);
      const me = (await rosa.get('/api/auth/me')).json() as { account: { email: string; name: string }; campaigns: { slug: string; role: string }[] };
      expect(me.account).toMatchObject({ email: 'rosa.committee@example.org', name: 'Rosa' });
      expect(me.campaigns).toEqual([expect.objectContaining({ slug: DEMO_SLUG, role: 'committee' })]);

      const overview = (await rosa.get(`/api/campaigns/${DEMO_SLUG}`)).json() as { worksites: { id: string; name: string }[]; myWorksiteIds: string[] };
      const school = overview.worksites.find((w) => w.name === SCHOOL);
      expect(overview.myWorksiteIds).toEqual([school!.id]);
      const list = (await rosa.get(`/api/campaigns/${DEMO_SLUG}/people?asOf=2015-03-01`)).json() as { people: { worksiteName: string }[] };
      expect(list.people.length).toBeGreaterThan(20);
      expect(new Set(list.people.map((p) => p.worksiteName))).toEqual(new Set([SCHOOL]));

      // The link works once.
      expect((await agent().post('/api/auth/password', { token, password: 'another long password' })).statusCode).toBe(410);
    });
  });

  it('refuses an unknown role before touching anything', { timeout: 60_000 }, async () => {
    const result = await cli('user', 'create', '--email', 'boss@example.org', '--role', 'boss');
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/argument 'boss' is invalid\. Allowed choices are admin, organizer, committee, viewer/);
    expect(result.stdout).not.toContain('token=');
  });

  it('refuses an unknown worksite, names the known ones, and creates no account', { timeout: 60_000 }, async () => {
    const result = await cli('user', 'create', '--email', 'lost@example.org', '--role', 'committee', '--worksite', 'Nowhere High');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^No worksite named "Nowhere High" in meridian\. Known: .*Cedar Hills Middle/);
    expect(result.stderr).not.toMatch(/\bat \w+ \(/); // a message, not a stack trace
    expect(result.stdout).toBe('');

    const missingSite = await cli('user', 'create', '--email', 'lost@example.org', '--role', 'committee');
    expect(missingSite.code).toBe(1);
    expect(missingSite.stderr.trim()).toBe('A committee member needs --worksite (one or more).');

    const taken = await cli('user', 'create', '--email', 'rosa.committee@example.org', '--role', 'viewer');
    expect(taken.code).toBe(1);
    expect(taken.stderr.trim()).toBe('An account with that email already exists.');

    await withApp(async ({ db }) => {
      const found = await db.select().from(accounts).where(eq(accounts.email, 'lost@example.org'));
      expect(found).toHaveLength(0);
    });
  });
});

describe('unionhall demo', () => {
  it('leaves a loaded demo alone without --reset, and reloads it from scratch with --reset', { timeout: 180_000 }, async () => {
    const demoState = async () =>
      withApp(async ({ db }) => {
        const [campaign] = await db.select().from(campaigns).where(eq(campaigns.slug, DEMO_SLUG));
        const names = await db.select({ name: sql<string>`${people.givenName} || ' ' || ${people.familyName}` }).from(people).where(eq(people.campaignId, campaign!.id));
        const sites = await db.select({ name: worksites.name }).from(worksites).where(eq(worksites.campaignId, campaign!.id));
        const members = await db
          .select({ email: accounts.email, role: memberships.role })
          .from(memberships)
          .innerJoin(accounts, eq(accounts.id, memberships.accountId))
          .where(eq(memberships.campaignId, campaign!.id));
        return {
          id: campaign!.id,
          names: names.map((n) => n.name).sort(),
          sites: sites.map((s) => s.name).sort(),
          members: members.map((m) => `${m.email}:${m.role}`).sort(),
        };
      });
    const original = await demoState();

    const again = await cli('demo');
    expect(again.code).toBe(0);
    expect(again.stderr).toContain('already loaded');
    expect((await demoState()).id).toBe(original.id);

    // Someone played with the demo.
    await withApp(async ({ db }) => {
      await db.update(people).set({ familyName: 'Tampered' }).where(eq(people.campaignId, original.id));
      const [site] = await db.select().from(worksites).where(eq(worksites.campaignId, original.id)).limit(1);
      await db.insert(worksites).values({ campaignId: original.id, employerId: site!.employerId, name: 'Temporary School' });
    });

    // A --date that is not a date changes nothing.
    const badDate = await cli('demo', '--reset', '--date', 'June 20');
    expect(badDate.code).toBe(1);
    expect(badDate.stderr.trim()).toBe('--date must be a date as YYYY-MM-DD, not "June 20".');

    const reset = await cli('demo', '--reset');
    expect(reset.code, reset.stderr).toBe(0);
    expect(reset.stderr).toContain('Removed the demo campaign.');
    expect(postgresProcessesOf(dataDir)).toEqual([]);

    const reloaded = await demoState();
    expect(reloaded.id).not.toBe(original.id);
    expect(reloaded.names).toEqual(original.names);
    expect(reloaded.sites).toEqual(original.sites);
    expect(reloaded.sites).not.toContain('Temporary School');
    // The people who used the demo can still use it.
    expect(reloaded.members).toEqual(original.members);
    expect(reloaded.members.length).toBeGreaterThan(0);
  });
});
