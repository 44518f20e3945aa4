// The account and membership commands (decision 0017): each commits its change, its audit row and
// its mail together, or none of them; the membership rules hold under concurrency.
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accounts, auditEvents, memberships } from '../../src/db/schema/index.js';
import { createMemberAccount } from '../../src/domain/accounts/create-member-account.js';
import { ensureFirstAdmin } from '../../src/domain/accounts/ensure-first-admin.js';
import { setMembership } from '../../src/domain/accounts/set-membership.js';
import { systemRequester, type Requester } from '../../src/domain/commands/requester.js';
import { createAccount, createCampaign, createMember, TEST_PASSWORD, type CampaignFixture } from '../support/factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let f: CampaignFixture;
beforeAll(async () => {
  t = await createTestApp();
  f = await createCampaign(t.database.db, { sites: 2, perSite: 1 });
});
afterAll(async () => t.close());

const asAccount = (account: { id: string; email: string }): Requester => ({ accountId: account.id, email: account.email, ip: '127.0.0.1' });
const cli = systemRequester('cli');

/** Resolves once `n` sessions of this database wait on a row lock. */
async function untilWaitingOnLocks(n: number): Promise<void> {
  for (let i = 0; i < 500; i++) {
    const { rows } = await t.database.pool.query<{ n: number }>(`select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`);
    if (rows[0]!.n >= n) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`never saw ${n} sessions waiting on locks`);
}

describe('membership', () => {
  it('keeps an admin when the last two demote themselves at the same moment', async () => {
    const fixture = await createCampaign(t.database.db, { sites: 1, perSite: 1 });
    const [a, b] = [await createMember(t.database.db, fixture, 'admin'), await createMember(t.database.db, fixture, 'admin')];
    const demote = (who: { id: string; email: string }) => t.services.execute(setMembership, asAccount(who), { slug: fixture.campaign.slug, accountId: who.id, role: 'viewer', worksiteIds: [] });
    // Another transaction holds the admins' rows, so both demotions are under way at once before
    // either can finish: the worst moment for them to arrive.
    const blocker = await t.database.pool.connect();
    let results: PromiseSettledResult<unknown>[];
    try {
      await blocker.query('begin');
      await blocker.query(`select 1 from memberships where campaign_id = $1 and role = 'admin' for update`, [fixture.campaign.id]);
      const both = Promise.allSettled([demote(a), demote(b)]);
      await untilWaitingOnLocks(2);
      await blocker.query('commit');
      results = await both;
    } finally {
      blocker.release();
    }
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const refused = results.find((r) => r.status === 'rejected');
    expect(refused?.reason).toMatchObject({ code: 'conflict', fields: [{ field: 'role' }] });
    const admins = await t.database.db.select().from(memberships).where(sql`${memberships.campaignId} = ${fixture.campaign.id} and ${memberships.role} = 'admin'`);
    expect(admins).toHaveLength(1);
    // One change, one audit row: the refused one left none.
    const rows = await t.database.db.select().from(auditEvents).where(sql`${auditEvents.campaignId} = ${fixture.campaign.id} and ${auditEvents.action} = 'member.role_changed'`);
    expect(rows).toHaveLength(1);
  });

  it('is refused to anyone but the campaign’s admins, and hides the campaign from strangers', async () => {
    const organizer = await createMember(t.database.db, f, 'organizer');
    const stranger = await createAccount(t.database.db);
    const change = { slug: f.campaign.slug, accountId: stranger.id, role: 'viewer' as const, worksiteIds: [] };
    await expect(t.services.execute(setMembership, asAccount(organizer), change)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(t.services.execute(setMembership, asAccount(stranger), change)).rejects.toMatchObject({ code: 'not_found' });
    await expect(t.services.execute(setMembership, { accountId: null, email: null, ip: '127.0.0.1' }, change)).rejects.toMatchObject({ code: 'unauthenticated' });
  });
});

describe('unionhall user create (createMemberAccount)', () => {
  it('makes the account, its role and its audit row together', async () => {
    const result = await t.services.execute(createMemberAccount, cli, {
      slug: f.campaign.slug,
      email: 'committee.member@example.org',
      name: 'Cam Committee',
      role: 'committee',
      worksiteIds: [f.sites[1]!.id, f.sites[1]!.id],
      instanceAdmin: false,
      publicUrl: t.config.publicUrl,
    });
    expect(result.welcomeLink).toMatch(new RegExp(`^${t.config.publicUrl}/app/welcome\\?token=[\\w-]+$`));
    const [row] = await t.database.db.select().from(auditEvents).where(eq(auditEvents.subjectId, result.account.id));
    expect(row).toMatchObject({ action: 'account.created', actorEmail: 'cli', actorAccountId: null, campaignId: f.campaign.id, details: { email: 'committee.member@example.org', role: 'committee' } });
    const agent = t.agent();
    expect((await agent.post('/api/auth/password', { token: /token=([\w-]+)/.exec(result.welcomeLink)![1], password: 'a committee password' })).statusCode).toBe(200);
    const overview = (await agent.get(`/api/campaigns/${f.campaign.slug}`)).json() as { myWorksiteIds: string[] };
    expect(overview.myWorksiteIds).toEqual([f.sites[1]!.id]);
  });

  it('leaves no account behind when the role is refused', async () => {
    const elsewhere = await createCampaign(t.database.db, { sites: 1, perSite: 1 });
    const input = { slug: f.campaign.slug, email: 'half.made@example.org', name: 'Half Made', role: 'committee' as const, worksiteIds: [elsewhere.sites[0]!.id], instanceAdmin: false, publicUrl: t.config.publicUrl };
    await expect(t.services.execute(createMemberAccount, cli, input)).rejects.toMatchObject({ code: 'validation_failed', fields: [{ field: 'worksiteIds' }] });
    expect(await t.database.db.select().from(accounts).where(eq(accounts.email, 'half.made@example.org'))).toEqual([]);
  });
});

describe('a new account and its welcome message are one transaction', () => {
  it('records neither the account nor the message when the audit row cannot be written', async () => {
    const admin = await createAccount(t.database.db, { instanceAdmin: true });
    const agent = t.agent();
    await agent.login(admin.email, TEST_PASSWORD);
    const db = t.database.db;
    await db.execute(sql`create function refuse_account_audit() returns trigger language plpgsql as $$ begin if new.action = 'account.created' then raise exception 'audit unavailable'; end if; return new; end $$`);
    await db.execute(sql`create trigger refuse_account_audit before insert on audit_events for each row execute function refuse_account_audit()`);
    try {
      const res = await agent.post('/api/admin/users', { email: 'not.yet@example.org', name: 'Not Yet' });
      expect(res.statusCode).toBe(500);
    } finally {
      await db.execute(sql`drop trigger refuse_account_audit on audit_events`);
      await db.execute(sql`drop function refuse_account_audit()`);
    }
    expect(await db.select().from(accounts).where(eq(accounts.email, 'not.yet@example.org'))).toEqual([]);
    // Addresses are encrypted at rest (decision 0025): read through the repository, which opens them.
    const mailTo = async (address: string) => (await t.services.repositories.mail.list(500, 'all')).filter((m) => m.toAddress === address);
    expect(await mailTo('not.yet@example.org')).toEqual([]);

    expect((await agent.post('/api/admin/users', { email: 'not.yet@example.org', name: 'Not Yet' })).statusCode).toBe(201);
    expect(await mailTo('not.yet@example.org')).toHaveLength(1);
  });
});

describe('the first admin', () => {
  it('is made once, an admin of the demo campaign, and gets a fresh link until they choose a password', async () => {
    const app = await createTestApp();
    try {
      const demo = await createCampaign(app.database.db, { slug: 'first-admin-demo' });
      const input = { email: 'admin@unionhall.localhost', demoSlug: 'first-admin-demo', publicUrl: app.config.publicUrl };
      const system = systemRequester('system');
      const first = await app.services.execute(ensureFirstAdmin, system, input);
      const second = await app.services.execute(ensureFirstAdmin, system, input);
      expect(first).toMatch(/\/app\/welcome\?token=/);
      expect(second).toMatch(/\/app\/welcome\?token=/);
      expect(second).not.toBe(first);
      const [admin] = await app.database.db.select().from(accounts).where(eq(accounts.email, input.email));
      expect(admin).toMatchObject({ instanceAdmin: true });
      expect(await app.database.db.select().from(memberships).where(eq(memberships.accountId, admin!.id))).toEqual([expect.objectContaining({ campaignId: demo.campaign.id, role: 'admin' })]);
      const created = await app.database.db.select().from(auditEvents).where(eq(auditEvents.action, 'account.created'));
      expect(created).toEqual([expect.objectContaining({ actorEmail: 'system', subjectId: admin!.id, details: { email: input.email, firstRun: true } })]);

      expect((await app.agent().post('/api/auth/password', { token: /token=([\w-]+)/.exec(second!)![1], password: 'organizing all spring long' })).statusCode).toBe(200);
      expect(await app.services.execute(ensureFirstAdmin, system, input)).toBeNull();
    } finally {
      await app.close();
    }
  });
});
