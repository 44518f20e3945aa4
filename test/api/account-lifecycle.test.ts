import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../src/db/schema/index.js';
import { addMember, createAccount, createCampaign, createMember, TEST_PASSWORD, type CampaignFixture } from '../support/factories.js';
import { createTestApp, type Agent, type TestApp } from '../support/test-app.js';

// Issue 11, item 2: each lifecycle action takes effect at the next request of every session of
// the account, and is audited; the last administrators cannot be removed, demoted or disabled.

let t: TestApp;
let fixture: CampaignFixture;
beforeAll(async () => {
  t = await createTestApp();
  fixture = await createCampaign(t.database.db);
});
afterAll(async () => t.close());

const FIREFOX = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0';
const IPHONE = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';

async function signedIn(email: string, userAgent?: string): Promise<Agent> {
  const agent = t.agent();
  const res = await agent.request({ method: 'POST', url: '/api/auth/login', payload: { email, password: TEST_PASSWORD }, headers: userAgent ? { 'user-agent': userAgent } : {} });
  expect(res.statusCode).toBe(200);
  return agent;
}

async function auditRows(action: string, subjectId?: string) {
  const rows = await t.database.db.select().from(auditEvents).where(eq(auditEvents.action, action));
  return subjectId ? rows.filter((r) => r.subjectId === subjectId) : rows;
}

const del = (agent: Agent, url: string) => agent.request({ method: 'DELETE', url });

describe('changing my own password', () => {
  it('needs the current password, ends my other sessions and keeps this one', async () => {
    const account = await createAccount(t.database.db);
    const laptop = await signedIn(account.email);
    const phone = await signedIn(account.email);

    const wrong = await laptop.post('/api/auth/change-password', { currentPassword: 'not my password', newPassword: 'a fresh long password' });
    expect(wrong.statusCode).toBe(400);
    expect((wrong.json() as { error: { fields: { field: string }[] } }).error.fields[0]?.field).toBe('currentPassword');
    expect(await auditRows('auth.password_change_failed')).toEqual(expect.arrayContaining([expect.objectContaining({ actorAccountId: account.id })]));
    expect((await phone.get('/api/auth/me')).statusCode).toBe(200);

    const tooShort = await laptop.post('/api/auth/change-password', { currentPassword: TEST_PASSWORD, newPassword: 'short' });
    expect(tooShort.statusCode).toBe(400);

    const changed = await laptop.post('/api/auth/change-password', { currentPassword: TEST_PASSWORD, newPassword: 'a fresh long password' });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toEqual({ sessionsEnded: 1 });
    expect((await phone.get('/api/auth/me')).statusCode).toBe(401);
    expect((await laptop.get('/api/auth/me')).statusCode).toBe(200);
    expect((await t.agent().post('/api/auth/login', { email: account.email, password: TEST_PASSWORD })).statusCode).toBe(401);
    expect((await t.agent().post('/api/auth/login', { email: account.email, password: 'a fresh long password' })).statusCode).toBe(200);
    const [row] = (await auditRows('auth.password_changed')).filter((r) => r.actorAccountId === account.id);
    expect(row?.details).toEqual({ otherSessionsEnded: 1 });
  });
});

describe('my sessions', () => {
  it('lists my sessions by browser, and ends one or all the others', async () => {
    const account = await createAccount(t.database.db);
    const laptop = await signedIn(account.email, FIREFOX);
    const phone = await signedIn(account.email, IPHONE);
    const tablet = await signedIn(account.email);

    const listed = await laptop.get('/api/auth/sessions');
    expect(listed.statusCode).toBe(200);
    const { sessions } = listed.json() as { sessions: { handle: string; device: string; current: boolean; createdAt: string; lastSeenAt: string }[] };
    expect(sessions).toHaveLength(3);
    expect(sessions.find((s) => s.current)?.device).toBe('Firefox on Windows');
    const iphone = sessions.find((s) => s.device === 'Safari on iOS');
    expect(iphone).toBeDefined();
    expect(listed.body).not.toMatch(/[0-9a-f]{64}/);

    // Someone else cannot end my sessions, even knowing their handles.
    const stranger = await signedIn((await createAccount(t.database.db)).email);
    expect((await del(stranger, `/api/auth/sessions/${iphone!.handle}`)).statusCode).toBe(404);
    expect((await phone.get('/api/auth/me')).statusCode).toBe(200);

    expect((await del(laptop, `/api/auth/sessions/${iphone!.handle}`)).json()).toEqual({ sessionsEnded: 1 });
    expect((await phone.get('/api/auth/me')).statusCode).toBe(401);
    const current = sessions.find((s) => s.current)!;
    expect((await del(laptop, `/api/auth/sessions/${current.handle}`)).statusCode).toBe(400);

    expect((await laptop.post('/api/auth/sessions/end-others')).json()).toEqual({ sessionsEnded: 1 });
    expect((await tablet.get('/api/auth/me')).statusCode).toBe(401);
    expect((await laptop.get('/api/auth/me')).statusCode).toBe(200);
    expect((await auditRows('auth.session_ended')).some((r) => r.actorAccountId === account.id)).toBe(true);
    expect((await auditRows('auth.other_sessions_ended')).some((r) => r.actorAccountId === account.id)).toBe(true);
  });
});

describe('an admin disables and enables an account', () => {
  it('ends every session at its next request and refuses sign-in as any wrong password is, until enabled again', async () => {
    const admin = await createAccount(t.database.db, { instanceAdmin: true });
    const target = await createMember(t.database.db, fixture, 'organizer');
    const adminAgent = await signedIn(admin.email);
    const open = await signedIn(target.email);
    expect((await open.get(`/api/campaigns/${fixture.campaign.slug}/people`)).statusCode).toBe(200);

    const disabled = await adminAgent.post(`/api/admin/users/${target.id}/disable`);
    expect(disabled.statusCode).toBe(200);
    expect((disabled.json() as { user: { disabled: boolean } }).user.disabled).toBe(true);
    expect((await open.get(`/api/campaigns/${fixture.campaign.slug}/people`)).statusCode).toBe(401);
    const refused = await t.agent().post('/api/auth/login', { email: target.email, password: TEST_PASSWORD });
    const wrong = await t.agent().post('/api/auth/login', { email: admin.email, password: 'a wrong password' });
    expect(refused.statusCode).toBe(401);
    expect(refused.body).toBe(wrong.body);
    expect(await auditRows('account.disabled', target.id)).toEqual([expect.objectContaining({ actorAccountId: admin.id, campaignId: null })]);

    expect((await adminAgent.post(`/api/admin/users/${target.id}/enable`)).statusCode).toBe(200);
    const back = await signedIn(target.email);
    expect((await back.get(`/api/campaigns/${fixture.campaign.slug}/people`)).statusCode).toBe(200);
    expect(await auditRows('account.enabled', target.id)).toHaveLength(1);
  });

  it('is for instance admins only, never oneself, never the last admin of a campaign', async () => {
    const admin = await createAccount(t.database.db, { instanceAdmin: true });
    const adminAgent = await signedIn(admin.email);
    const organizer = await createMember(t.database.db, fixture, 'organizer');
    const organizerAgent = await signedIn(organizer.email);
    expect((await organizerAgent.post(`/api/admin/users/${admin.id}/disable`)).statusCode).toBe(403);
    expect((await adminAgent.post(`/api/admin/users/${admin.id}/disable`)).statusCode).toBe(409);

    const lonely = await createCampaign(t.database.db, { sites: 1, perSite: 1 });
    const onlyAdmin = await createMember(t.database.db, lonely, 'admin');
    const res = await adminAgent.post(`/api/admin/users/${onlyAdmin.id}/disable`);
    expect(res.statusCode).toBe(409);
    expect(res.body).toContain(lonely.campaign.name);
    // With a second admin there, it can be disabled; then the other one is the last.
    const second = await createMember(t.database.db, lonely, 'admin');
    expect((await adminAgent.post(`/api/admin/users/${onlyAdmin.id}/disable`)).statusCode).toBe(200);
    expect((await adminAgent.post(`/api/admin/users/${second.id}/disable`)).statusCode).toBe(409);
    // A disabled admin does not count as the campaign's admin when demoting the other one either.
    const secondAgent = await signedIn(second.email);
    expect((await secondAgent.put(`/api/campaigns/${lonely.campaign.slug}/members/${second.id}`, { role: 'organizer' })).statusCode).toBe(409);
  });
});

describe('server administrators', () => {
  it('the last one cannot give up the role; with two, one can', async () => {
    const own = await createTestApp();
    try {
      const first = await createAccount(own.database.db, { instanceAdmin: true });
      const agent = own.agent();
      await agent.login(first.email, TEST_PASSWORD);
      const alone = await agent.put(`/api/admin/users/${first.id}/instance-admin`, { instanceAdmin: false });
      expect(alone.statusCode).toBe(409);
      const other = await createAccount(own.database.db);
      expect((await agent.put(`/api/admin/users/${other.id}/instance-admin`, { instanceAdmin: true })).statusCode).toBe(200);
      const demoted = await agent.put(`/api/admin/users/${first.id}/instance-admin`, { instanceAdmin: false });
      expect(demoted.statusCode).toBe(200);
      // The demotion holds at the next request of the same session.
      expect((await agent.get('/api/admin/users')).statusCode).toBe(403);
      const rows = await own.database.db.select().from(auditEvents).where(eq(auditEvents.action, 'account.instance_admin_changed'));
      expect(rows.map((r) => r.details)).toEqual([expect.objectContaining({ from: false, to: true }), expect.objectContaining({ from: true, to: false })]);
    } finally {
      await own.close();
    }
  });
});

describe('membership changes reach open sessions at once', () => {
  it('a demoted organizer loses the organizer reads at the next request of the same session', async () => {
    const admin = await createMember(t.database.db, fixture, 'admin');
    const organizer = await createMember(t.database.db, fixture, 'organizer');
    const adminAgent = await signedIn(admin.email);
    const open = await signedIn(organizer.email);
    const slug = fixture.campaign.slug;
    expect((await open.get(`/api/campaigns/${slug}/people`)).statusCode).toBe(200);
    expect((await open.get(`/api/campaigns/${slug}/committee-lists`)).statusCode).toBe(200);
    expect((await adminAgent.put(`/api/campaigns/${slug}/members/${organizer.id}`, { role: 'viewer' })).statusCode).toBe(200);
    expect((await open.get(`/api/campaigns/${slug}/people`)).statusCode).toBe(403);
    expect((await open.get(`/api/campaigns/${slug}/committee-lists`)).statusCode).toBe(403);
    expect((await open.get(`/api/campaigns/${slug}/dashboard`)).statusCode).toBe(200);
  });

  it('a removed member finds no campaign at the next request; their list goes back to no one; audited', async () => {
    const admin = await createMember(t.database.db, fixture, 'admin');
    const member = await createMember(t.database.db, fixture, 'committee', [fixture.sites[0]!.id]);
    const adminAgent = await signedIn(admin.email);
    const slug = fixture.campaign.slug;
    const person = fixture.people.find((p) => p.worksiteId === fixture.sites[0]!.id)!;
    expect((await adminAgent.post(`/api/campaigns/${slug}/committee-lists/${member.id}/people`, { personIds: [person.id] })).statusCode).toBeLessThan(300);
    const open = await signedIn(member.email);
    expect((await open.get(`/api/campaigns/${slug}/people`)).statusCode).toBe(200);

    const removed = await del(adminAgent, `/api/campaigns/${slug}/members/${member.id}`);
    expect(removed.statusCode).toBe(200);
    expect(removed.json()).toEqual({ accountId: member.id, removed: true });
    expect((await open.get(`/api/campaigns/${slug}/people`)).statusCode).toBe(404);
    const members = (await adminAgent.get(`/api/campaigns/${slug}/members`)).json() as { members: { accountId: string }[] };
    expect(members.members.some((m) => m.accountId === member.id)).toBe(false);
    const lists = (await adminAgent.get(`/api/campaigns/${slug}/committee-lists`)).json() as { lists: { accountId: string }[] };
    expect(lists.lists.some((l) => l.accountId === member.id)).toBe(false);
    expect(await auditRows('member.removed', member.id)).toEqual([expect.objectContaining({ actorAccountId: admin.id, campaignId: fixture.campaign.id, details: expect.objectContaining({ role: 'committee' }) })]);
    expect((await del(adminAgent, `/api/campaigns/${slug}/members/${member.id}`)).statusCode).toBe(404);
  });

  it('the last admin of a campaign cannot be removed or demoted', async () => {
    const lonely = await createCampaign(t.database.db, { sites: 1, perSite: 1 });
    const only = await createMember(t.database.db, lonely, 'admin');
    const agent = await signedIn(only.email);
    const removed = await del(agent, `/api/campaigns/${lonely.campaign.slug}/members/${only.id}`);
    expect(removed.statusCode).toBe(409);
    expect((await agent.put(`/api/campaigns/${lonely.campaign.slug}/members/${only.id}`, { role: 'viewer' })).statusCode).toBe(409);
    const memberships = await t.database.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'member.removed'), eq(auditEvents.campaignId, lonely.campaign.id)));
    expect(memberships).toHaveLength(0);
    // Only campaign admins remove members.
    const organizer = await createAccount(t.database.db);
    await addMember(t.database.db, organizer.id, lonely.campaign.id, 'organizer');
    const organizerAgent = await signedIn(organizer.email);
    expect((await del(organizerAgent, `/api/campaigns/${lonely.campaign.slug}/members/${only.id}`)).statusCode).toBe(403);
  });
});
