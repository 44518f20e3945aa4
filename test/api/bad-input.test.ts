import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, createCampaign, createMember, TEST_PASSWORD, type CampaignFixture } from '../support/factories.js';
import { createTestApp, type Agent, type TestApp } from '../support/test-app.js';

// No input crashes the server: whatever a client sends gets a 4xx that says what was wrong.

type ErrorBody = { error: { code: string; message: string; fields?: { field: string; reason: string }[] } };

let t: TestApp;
let fixture: CampaignFixture;
let admin: Agent;
let instanceAdmin: Agent;

beforeAll(async () => {
  t = await createTestApp();
  fixture = await createCampaign(t.database.db);
  const account = await createMember(t.database.db, fixture, 'admin');
  admin = t.agent();
  await admin.login(account.email, TEST_PASSWORD);
  const ia = await createAccount(t.database.db, { instanceAdmin: true });
  instanceAdmin = t.agent();
  await instanceAdmin.login(ia.email, TEST_PASSWORD);
});
afterAll(async () => t.close());

describe('dates that are not on the calendar', () => {
  for (const [path, field] of [
    ['people?as_of=2026-02-30', 'querystring.as_of'],
    ['people?as_of=2026-13-01', 'querystring.as_of'],
    ['people?as_of=0000-01-01', 'querystring.as_of'],
    ['dashboard?as_of=2026-02-31', 'querystring.as_of'],
    ['people/export.csv?as_of=2025-02-29', 'querystring.as_of'],
    // JavaScript would read this as 2 March and filter the wrong days without a word.
    ['audit?from=2026-02-30', 'querystring.from'],
    ['audit?to=2026-04-31', 'querystring.to'],
  ] as const) {
    it(`${path} → 400 on ${field}`, async () => {
      const res = await admin.get(`/api/campaigns/${fixture.campaign.slug}/${path}`);
      expect(res.statusCode).toBe(400);
      const body = res.json() as ErrorBody;
      expect(body.error.code).toBe('validation_failed');
      expect(body.error.fields?.map((f) => f.field)).toEqual([field]);
    });
  }

  it('still takes a real leap day', async () => {
    expect((await admin.get(`/api/campaigns/${fixture.campaign.slug}/people?as_of=2028-02-29`)).statusCode).toBe(200);
  });
});

describe('text PostgreSQL cannot store', () => {
  for (const url of ['/api/campaigns/%00', '/api/campaigns/a%00b/people', `/api/campaigns/SLUG/audit?action=%00`, '/api/admin/audit?action=x%00', '/c/%00']) {
    it(`a NUL byte in ${url} → 400, not 500`, async () => {
      const agent = url.startsWith('/api/admin') ? instanceAdmin : admin;
      const res = await agent.get(url.replace('SLUG', fixture.campaign.slug));
      expect(res.statusCode).toBe(400);
      expect((res.json() as ErrorBody).error.code).toBe('validation_failed');
    });
  }

  it('a NUL byte in a new account’s name → 400, and no account', async () => {
    const res = await instanceAdmin.post('/api/admin/users', { email: 'nul@example.org', name: 'Nul\u0000Name' });
    expect(res.statusCode).toBe(400);
    expect((await instanceAdmin.get('/api/admin/users')).body).not.toContain('nul@example.org');
  });
});

describe('membership changes', () => {
  it('takes the same worksite listed twice as one assignment', async () => {
    const person = await createMember(t.database.db, fixture, 'viewer');
    const site = fixture.sites[0]!.id;
    const res = await admin.put(`/api/campaigns/${fixture.campaign.slug}/members/${person.id}`, { role: 'committee', worksiteIds: [site, site] });
    expect(res.statusCode, res.body).toBe(200);
    const members = (await admin.get(`/api/campaigns/${fixture.campaign.slug}/members`)).json() as { members: { accountId: string; role: string; worksiteIds: string[] }[] };
    expect(members.members.find((m) => m.accountId === person.id)).toMatchObject({ role: 'committee', worksiteIds: [site] });
  });

  it('refuses worksites of another campaign and unknown accounts, changing nothing', async () => {
    const elsewhere = await createCampaign(t.database.db);
    const person = await createMember(t.database.db, fixture, 'viewer');
    const url = `/api/campaigns/${fixture.campaign.slug}/members/${person.id}`;
    const foreign = await admin.put(url, { role: 'committee', worksiteIds: [elsewhere.sites[0]!.id] });
    expect(foreign.statusCode).toBe(400);
    expect((foreign.json() as ErrorBody).error.fields?.[0]?.field).toBe('worksiteIds');
    const unknown = await admin.put(`/api/campaigns/${fixture.campaign.slug}/members/00000000-0000-4000-8000-000000000000`, { role: 'viewer' });
    expect(unknown.statusCode).toBe(404);
    const notAnId = await admin.put(`/api/campaigns/${fixture.campaign.slug}/members/not-an-id`, { role: 'viewer' });
    expect(notAnId.statusCode).toBe(400);
    const badRole = await admin.put(url, { role: 'owner' });
    expect(badRole.statusCode).toBe(400);
    const members = (await admin.get(`/api/campaigns/${fixture.campaign.slug}/members`)).json() as { members: { accountId: string; role: string }[] };
    expect(members.members.find((m) => m.accountId === person.id)?.role).toBe('viewer');
  });
});

describe('the last admin', () => {
  it('cannot be demoted: the campaign keeps an admin and nothing changes', async () => {
    const fixture = await createCampaign(t.database.db);
    const admin = await createMember(t.database.db, fixture, 'admin');
    const agent = t.agent();
    await agent.login(admin.email, TEST_PASSWORD);
    const res = await agent.put(`/api/campaigns/${fixture.campaign.slug}/members/${admin.id}`, { role: 'viewer', worksiteIds: [] });
    expect(res.statusCode).toBe(409);
    expect((res.json() as { error: { code: string; fields: { field: string }[] } }).error).toMatchObject({ code: 'conflict', fields: [{ field: 'role' }] });
    const members = await t.services.repositories.campaigns.listMembers(fixture.campaign.id);
    expect(members.find((m) => m.accountId === admin.id)?.role).toBe('admin');

    const second = await createMember(t.database.db, fixture, 'organizer');
    expect((await agent.put(`/api/campaigns/${fixture.campaign.slug}/members/${second.id}`, { role: 'admin', worksiteIds: [] })).statusCode).toBe(200);
    expect((await agent.put(`/api/campaigns/${fixture.campaign.slug}/members/${admin.id}`, { role: 'viewer', worksiteIds: [] })).statusCode).toBe(200);
  });
});
