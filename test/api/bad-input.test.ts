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
    ['people?asOf=2026-02-30', 'querystring.asOf'],
    ['people?asOf=2026-13-01', 'querystring.asOf'],
    ['people?asOf=0000-01-01', 'querystring.asOf'],
    ['dashboard?asOf=2026-02-31', 'querystring.asOf'],
    ['majority?asOf=2026-02-29', 'querystring.asOf'],
    ['growth?from=2026-04-31', 'querystring.from'],
    ['growth?to=2025-02-29', 'querystring.to'],
    ['people/export.csv?asOf=2025-02-29', 'querystring.asOf'],
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
    expect((await admin.get(`/api/campaigns/${fixture.campaign.slug}/people?asOf=2028-02-29`)).statusCode).toBe(200);
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

describe('the roster, majority and campaign routes, fuzzed', () => {
  const huge = 'x'.repeat(100_000);
  const nul = encodeURIComponent('a\u0000b');
  const noSuchId = '00000000-0000-4000-8000-000000000000';
  type Probe = { method: 'GET' | 'POST' | 'PUT'; path: string; body?: unknown; contentType?: string };
  const probes: Probe[] = [
    // Campaign detail, roster, members, audit log.
    { method: 'GET', path: '' },
    { method: 'GET', path: `people?asOf=${huge}` },
    { method: 'GET', path: 'people?asOf=2026-02-30T00:00:00Z' },
    { method: 'GET', path: 'people?asOf[]=2026-01-01' },
    { method: 'GET', path: `people/export.csv?asOf=${nul}` },
    { method: 'GET', path: 'members?limit=-1' },
    { method: 'PUT', path: `members/${noSuchId}`, body: { role: 'admin', worksiteIds: 'all' } },
    { method: 'PUT', path: `members/${noSuchId}`, body: { role: huge } },
    { method: 'PUT', path: `members/${noSuchId}`, body: { role: 'viewer', worksiteIds: ['not-an-id'] } },
    { method: 'PUT', path: `members/${noSuchId}`, body: [] },
    { method: 'PUT', path: 'members/%00', body: { role: 'viewer' } },
    { method: 'GET', path: `audit?from=${huge}` },
    { method: 'GET', path: 'audit?before=99999999999999999999999' },
    { method: 'GET', path: 'audit?limit=abc' },
    // Support numbers.
    { method: 'GET', path: 'majority?unit=not-an-id' },
    { method: 'GET', path: 'majority?sort=valid_cards' },
    { method: 'GET', path: 'majority?order=sideways' },
    { method: 'GET', path: 'majority?limit=1e9' },
    { method: 'GET', path: 'majority?offset=-5' },
    { method: 'GET', path: `majority?asOf=${huge}` },
    { method: 'GET', path: 'majority?as_of=2015-06-15&unit=' },
    { method: 'GET', path: 'dashboard?limit=0' },
    { method: 'GET', path: 'dashboard?sort[]=name' },
    { method: 'GET', path: 'dashboard?offset=99999999999' },
    { method: 'GET', path: `growth?from=${nul}` },
    { method: 'GET', path: 'growth?from=2026-01-01&to=1900-01-01' },
    // Roster imports.
    { method: 'POST', path: 'roster/imports/dry-run', body: { csv: 42 } },
    { method: 'POST', path: 'roster/imports/dry-run', body: { csv: 'a,b\n1,2', effectiveDate: '2026-02-30' } },
    { method: 'POST', path: 'roster/imports/dry-run', body: { csv: 'Employee ID,First Name\n1,A', mapping: { 'Employee ID': 'salary' } } },
    { method: 'POST', path: 'roster/imports/dry-run', body: { csv: 'x', mode: 'everything', preview: -1 } },
    { method: 'POST', path: 'roster/imports/dry-run', body: { csv: `Employee ID,Email\n${huge},${huge}@x.example` } },
    { method: 'POST', path: 'roster/imports/dry-run', body: { csv: '\u0000\u0000,\u0000\n\u0000,\u0000' } },
    { method: 'POST', path: 'roster/imports/dry-run', body: 'not json', contentType: 'application/json' },
    { method: 'POST', path: 'roster/imports/dry-run?effectiveDate=2026-13-01', body: 'Employee ID\n1', contentType: 'text/csv' },
    { method: 'POST', path: 'roster/imports/dry-run?map=nonsense', body: 'Employee ID\n1', contentType: 'text/csv' },
    { method: 'POST', path: `roster/imports?fileName=${huge}`, body: 'Employee ID\n1', contentType: 'text/csv' },
    { method: 'POST', path: 'roster/imports', body: { csv: `Employee ID,First Name,Last Name,Email,School,Job Title,Start Date\nF-1,A,B,f1@x.example,School 1,Teacher,2026-02-30` } },
    { method: 'POST', path: 'roster/imports', body: { csv: 'x', confirmLeaving: 'yes' } },
    { method: 'GET', path: 'roster/imports?limit=100000' },
    { method: 'GET', path: 'roster/imports/not-an-id' },
    { method: 'GET', path: `roster/imports/${noSuchId}` },
    { method: 'POST', path: 'roster/imports/not-an-id/undo' },
    { method: 'POST', path: `roster/imports/${noSuchId}/undo` },
    { method: 'PUT', path: 'roster/mapping', body: { mapping: 'everything' } },
    { method: 'PUT', path: 'roster/mapping', body: { mapping: { [huge]: 'employeeId' } } },
    { method: 'PUT', path: 'roster/mapping', body: { mapping: { School: 42 } } },
  ];

  for (const probe of probes) {
    it(`${probe.method} ${probe.path.slice(0, 80)} → 4xx or 2xx, never 5xx`, async () => {
      const url = `/api/campaigns/${fixture.campaign.slug}${probe.path === '' ? '' : `/${probe.path}`}`;
      const res = await admin.request({
        method: probe.method,
        url,
        ...(probe.body === undefined ? {} : { payload: typeof probe.body === 'string' ? probe.body : JSON.stringify(probe.body) }),
        headers: { 'content-type': probe.contentType ?? 'application/json' },
      });
      expect(res.statusCode, res.body.slice(0, 300)).toBeLessThan(500);
      if (res.statusCode >= 400) expect((res.json() as ErrorBody).error.code).toMatch(/^[a-z_]+$/);
    });
  }

  it('a bad day in a roster upload is a 400 naming the field, in either form', async () => {
    const json = await admin.post(`/api/campaigns/${fixture.campaign.slug}/roster/imports/dry-run`, { csv: 'Employee ID\n1', effectiveDate: '2026-02-30' });
    expect(json.statusCode).toBe(400);
    expect((json.json() as ErrorBody).error.fields?.map((f) => f.field)).toEqual(['body.effectiveDate']);
    const csv = await admin.request({ method: 'POST', url: `/api/campaigns/${fixture.campaign.slug}/roster/imports/dry-run?effectiveDate=2026-02-30`, payload: 'Employee ID\n1', headers: { 'content-type': 'text/csv' } });
    expect(csv.statusCode).toBe(400);
    expect((csv.json() as ErrorBody).error.fields?.map((f) => f.field)).toEqual(['querystring.effectiveDate']);
  });
});
