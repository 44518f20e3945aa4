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
  for (const url of ['/api/campaigns/%00', '/api/campaigns/a%00b/people', `/api/campaigns/SLUG/audit?action=%00`, '/api/admin/audit?action=x%00']) {
    it(`a NUL byte in ${url} → 400, not 500`, async () => {
      const agent = url.startsWith('/api/admin') ? instanceAdmin : admin;
      const res = await agent.get(url.replace('SLUG', fixture.campaign.slug));
      expect(res.statusCode).toBe(400);
      expect((res.json() as ErrorBody).error.code).toBe('validation_failed');
    });
  }

  it('a NUL byte in a public page’s address → a 400 page, not 500', async () => {
    const res = await admin.get('/c/%00');
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('text/html');
  });

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
    // The last day the calendar can write, everywhere a day is taken.
    { method: 'GET', path: 'people?asOf=9999-12-31' },
    { method: 'GET', path: 'people/export.csv?asOf=9999-12-31' },
    { method: 'GET', path: 'majority?asOf=9999-12-31' },
    { method: 'GET', path: 'dashboard?asOf=9999-12-31' },
    { method: 'GET', path: 'growth?from=0001-01-01&to=9999-12-31' },
    { method: 'GET', path: 'audit?from=9999-12-31&to=9999-12-31' },
    { method: 'GET', path: `audit?from=${encodeURIComponent('0001-01-01T00:00:00+05:00')}&to=${encodeURIComponent('9999-12-31T23:00:00-05:00')}` },
    { method: 'POST', path: 'roster/imports/dry-run', body: { csv: 'Employee ID,First Name,Last Name,School,Job Title\nZ-1,Z,Z,School 1,Teacher', effectiveDate: '9999-12-31', mode: 'full' } },
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

describe('people and organizing: no input answers 5xx', () => {
  const nil = '00000000-0000-4000-8000-000000000000';
  const huge = 'x'.repeat(1_100_000);
  type Probe = { method: 'GET' | 'POST' | 'PATCH' | 'DELETE'; url: string; payload?: unknown; field?: string };
  let probes: Probe[] = [];

  beforeAll(async () => {
    const db = t.database.db;
    const slug = fixture.campaign.slug;
    const base = `/api/campaigns/${slug}`;
    const person = fixture.people[0]!;
    const committee = await createMember(db, fixture, 'committee');
    const task = (await admin.post(`${base}/tasks`, { title: 'Follow up', personId: person.id })).json() as { task: { id: string } };
    const p = `${base}/people/${person.id}`;
    const employment = { worksiteId: fixture.sites[0]!.id, unitId: null, jobTitle: 'Teacher', startDate: '2015-01-05' };
    // PostgreSQL has no year 0 (ISO's 0000 is 1 BC).
    const badDays = ['2026-02-30', '2025-02-29', '2026-13-01', '2026-4-1', 'yesterday', '0000-01-01'];
    const badInstants = ['2026-02-30T10:00:00Z', '2026-04-31T10:00:00-07:00', '2026-01-01T10:00:00', 'yesterday', '9999-12-31T23:59:59Z', '0001-01-01T00:00:00Z'];
    const badIds = ['not-an-id', nil, '%00', `${nil}x`];
    const wrongBodies: unknown[] = [[], 'text', 42, null, { level: { $gt: 1 } }];
    probes = [
      // Dates that are not on the calendar, in every query and body that takes one.
      ...badDays.flatMap((d): Probe[] => [
        { method: 'GET', url: `${base}/assessments?asOf=${d}`, field: 'querystring.asOf' },
        { method: 'GET', url: `${base}/assessments/summary?asOf=${d}`, field: 'querystring.asOf' },
        { method: 'GET', url: `${base}/wall-chart?asOf=${d}`, field: 'querystring.asOf' },
        { method: 'POST', url: `${base}/people`, payload: { givenName: 'A', familyName: 'B', employment: { ...employment, startDate: d } }, field: 'body.employment.startDate' },
        { method: 'POST', url: `${p}/employment-changes`, payload: { kind: 'leave', effectiveDate: d }, field: 'body.effectiveDate' },
        { method: 'POST', url: `${base}/tasks`, payload: { title: 'T', dueDate: d }, field: 'body.dueDate' },
        { method: 'PATCH', url: `${base}/tasks/${task.task.id}`, payload: { dueDate: d }, field: 'body.dueDate' },
        { method: 'POST', url: `${p}/conversations`, payload: { channel: 'call', followUps: [{ title: 'T', dueDate: d }] }, field: 'body.followUps.0.dueDate' },
      ]),
      // The last day there is: odd, but a day.
      { method: 'GET', url: `${base}/assessments?asOf=9999-12-31` },
      { method: 'GET', url: `${base}/assessments/summary?asOf=9999-12-31` },
      { method: 'GET', url: `${base}/wall-chart?asOf=9999-12-31` },
      { method: 'POST', url: `${base}/tasks`, payload: { title: 'T', dueDate: '9999-12-31' } },
      ...badInstants.flatMap((i): Probe[] => [
        { method: 'POST', url: `${p}/assessments`, payload: { level: 2, assessedAt: i } },
        { method: 'POST', url: `${p}/conversations`, payload: { channel: 'call', occurredAt: i } },
      ]),
      // Ids that are not ids, or name nothing.
      ...badIds.flatMap((id): Probe[] => [
        { method: 'GET', url: `${base}/people/${id}` },
        { method: 'PATCH', url: `${base}/people/${id}`, payload: { phone: '1' } },
        { method: 'POST', url: `${base}/people/${id}/employment-changes`, payload: { kind: 'leave', effectiveDate: '2015-06-01' } },
        { method: 'GET', url: `${base}/people/${id}/assessments` },
        { method: 'POST', url: `${base}/people/${id}/assessments`, payload: { level: 2 } },
        { method: 'GET', url: `${base}/people/${id}/conversations` },
        { method: 'POST', url: `${base}/people/${id}/conversations`, payload: { channel: 'call' } },
        { method: 'PATCH', url: `${base}/tasks/${id}`, payload: { done: true } },
        { method: 'POST', url: `${base}/tasks`, payload: { title: 'T', personId: id } },
        { method: 'POST', url: `${base}/tasks`, payload: { title: 'T', assigneeAccountId: id } },
        { method: 'GET', url: `${base}/assessments?worksite=${id}` },
        { method: 'GET', url: `${base}/coverage?worksite=${id}` },
        { method: 'POST', url: `${base}/committee-lists/${id}/people`, payload: { personIds: [person.id] } },
        { method: 'POST', url: `${base}/committee-lists/${committee.id}/people`, payload: { personIds: [id] } },
        { method: 'DELETE', url: `${base}/committee-lists/${id}/people/${person.id}` },
        { method: 'DELETE', url: `${base}/committee-lists/${committee.id}/people/${id}` },
        { method: 'POST', url: `${base}/people`, payload: { givenName: 'A', familyName: 'B', employment: { ...employment, worksiteId: id } } },
        { method: 'POST', url: `${p}/employment-changes`, payload: { kind: 'change', effectiveDate: '2015-06-01', worksiteId: id, unitId: id, jobTitle: 'T' } },
      ]),
      // Wrong types and shapes.
      ...wrongBodies.flatMap((body): Probe[] => [
        { method: 'POST', url: `${p}/assessments`, payload: body },
        { method: 'POST', url: `${p}/conversations`, payload: body },
        { method: 'POST', url: `${base}/tasks`, payload: body },
        { method: 'PATCH', url: `${base}/tasks/${task.task.id}`, payload: body },
        { method: 'POST', url: `${base}/people`, payload: body },
        { method: 'PATCH', url: p, payload: body },
        { method: 'POST', url: `${p}/employment-changes`, payload: body },
        { method: 'POST', url: `${base}/committee-lists/${committee.id}/people`, payload: body },
      ]),
      { method: 'POST', url: `${p}/assessments`, payload: { level: 'high' } },
      { method: 'POST', url: `${p}/assessments`, payload: { level: 2.5 } },
      { method: 'POST', url: `${p}/conversations`, payload: { channel: 'call', issues: 'pay' } },
      { method: 'POST', url: `${p}/conversations`, payload: { channel: 'call', issues: [7] } },
      { method: 'PATCH', url: `${base}/tasks/${task.task.id}`, payload: { done: 'yes' } },
      { method: 'PATCH', url: `${base}/tasks/${task.task.id}`, payload: {} },
      { method: 'PATCH', url: p, payload: {} },
      { method: 'POST', url: `${base}/committee-lists/${committee.id}/people`, payload: { personIds: [] } },
      { method: 'POST', url: `${base}/committee-lists/${committee.id}/people`, payload: { personIds: Array.from({ length: 1001 }, () => person.id) } },
      { method: 'GET', url: `${base}/assessments?level=7` },
      { method: 'GET', url: '/api/me/tasks?includeDone=maybe' },
      { method: 'POST', url: `${p}/employment-changes`, payload: { kind: 'promote', effectiveDate: '2015-06-01' } },
      // Huge strings, and text PostgreSQL cannot store.
      { method: 'POST', url: `${p}/assessments`, payload: { level: 2, note: huge } },
      { method: 'POST', url: `${p}/conversations`, payload: { channel: 'call', notes: huge } },
      { method: 'POST', url: `${p}/conversations`, payload: { channel: 'call', issues: [huge] } },
      { method: 'POST', url: `${base}/tasks`, payload: { title: huge } },
      { method: 'PATCH', url: p, payload: { givenName: huge } },
      { method: 'POST', url: `${base}/people`, payload: { givenName: huge, familyName: 'B', employment } },
      { method: 'GET', url: `${base}/assessments?asOf=${'9'.repeat(5000)}` },
      { method: 'POST', url: `${p}/assessments`, payload: { level: 2, note: 'a\u0000b' } },
      { method: 'POST', url: `${p}/conversations`, payload: { channel: 'call', notes: 'a\u0000b', nextStep: '\u0000' } },
      { method: 'POST', url: `${base}/tasks`, payload: { title: 'a\u0000b' } },
      { method: 'PATCH', url: p, payload: { phone: 'a\u0000b' } },
      { method: 'POST', url: `${base}/people`, payload: { givenName: 'a\u0000b', familyName: 'B', employment } },
      { method: 'POST', url: `${p}/employment-changes`, payload: { kind: 'change', effectiveDate: '2015-06-01', worksiteId: fixture.sites[0]!.id, unitId: null, jobTitle: 'a\u0000b' } },
      // A slug that names nothing, or cannot be stored.
      ...['no-such-campaign', '%00', 'x'.repeat(81)].flatMap((s): Probe[] => [
        { method: 'GET', url: `/api/campaigns/${s}/wall-chart` },
        { method: 'GET', url: `/api/campaigns/${s}/assessments/summary` },
        { method: 'GET', url: `/api/campaigns/${s}/conversation-issues` },
        { method: 'GET', url: `/api/campaigns/${s}/committee-lists` },
        { method: 'GET', url: `/api/campaigns/${s}/committee-members` },
        { method: 'GET', url: `/api/campaigns/${s}/coverage` },
        { method: 'POST', url: `/api/campaigns/${s}/tasks`, payload: { title: 'T' } },
      ]),
    ];
  });

  it('answers every probe with a 4xx (or a 2xx for what is merely odd), never 5xx; bad dates name their field', async () => {
    const failures: string[] = [];
    for (const probe of probes) {
      const res = await admin.request({ method: probe.method, url: probe.url, ...(probe.payload !== undefined ? { payload: JSON.stringify(probe.payload), headers: { 'content-type': 'application/json' } } : {}) });
      const where = `${probe.method} ${probe.url.slice(0, 120)} ${JSON.stringify(probe.payload ?? null).slice(0, 120)}`;
      if (res.statusCode >= 500) failures.push(`${where} → ${res.statusCode} ${res.body.slice(0, 200)}`);
      else if (probe.field) {
        const body = res.json() as ErrorBody;
        if (res.statusCode !== 400 || !body.error?.fields?.some((f) => f.field === probe.field)) failures.push(`${where} → ${res.statusCode}, expected 400 on ${probe.field}: ${res.body.slice(0, 200)}`);
      }
    }
    expect(failures).toEqual([]);
    expect(probes.length).toBeGreaterThan(200);
  });
});

describe('accounts, sessions and instance administration: no input is a 5xx', () => {
  const huge = 'x'.repeat(200_000);
  const junk: unknown[] = [null, 42, -1, 1e308, true, [], [1, 2], {}, { $ne: '' }, '', ' ', huge, 'a\u0000b', '\ud800', '<script>', "' or 1=1 --"];
  const bodies = (fields: string[]): unknown[] => [
    undefined,
    'not json at all',
    [],
    ...junk.map((value) => Object.fromEntries(fields.map((f) => [f, value]))),
    ...fields.flatMap((f) => junk.map((value) => ({ ...Object.fromEntries(fields.map((g) => [g, 'person@example.org'])), [f]: value }))),
  ];
  const queries = ['', '?limit=0', '?limit=-5', '?limit=1e9', '?limit=abc', '?limit=501', '?before=0', '?before=1e30', '?before=x', `?action=${huge.slice(0, 5000)}`, '?action=%00', '?actor=not-a-uuid', '?actor=00000000-0000-0000-0000-000000000000', '?actor=%00', '?limit=1&limit=2', '?x[y]=1'];

  const expectNo5xx = (res: { statusCode: number; body: string }, what: string): void => {
    expect(res.statusCode, `${what} → ${res.statusCode} ${res.body.slice(0, 200)}`).toBeLessThan(500);
    if (res.statusCode >= 400) expect((JSON.parse(res.body) as ErrorBody).error.code, what).toEqual(expect.any(String));
  };

  const writes: [string, string[], () => Agent][] = [
    ['/api/auth/login', ['email', 'password'], () => t.agent()],
    ['/api/auth/password-reset', ['email'], () => t.agent()],
    ['/api/auth/password', ['token', 'password'], () => t.agent()],
    ['/api/admin/users', ['email', 'name', 'instanceAdmin'], () => instanceAdmin],
    ['/api/auth/logout-all', ['everywhere'], () => t.agent()],
    ['/api/auth/logout', ['session'], () => t.agent()],
  ];
  for (const [url, fields, agentOf] of writes) {
    it(`POST ${url}`, async () => {
      const agent = agentOf();
      for (const payload of bodies(fields)) {
        const res = await agent.request({ method: 'POST', url, payload: payload as string, headers: { 'content-type': 'application/json' } });
        expectNo5xx(res, `POST ${url} ${JSON.stringify(payload)?.slice(0, 80)}`);
      }
    });
  }

  for (const url of ['/api/admin/audit', '/api/admin/outbox', '/api/admin/users', '/api/auth/me', '/api/auth/csrf', '/healthz']) {
    it(`GET ${url}`, async () => {
      for (const query of queries) {
        for (const agent of [instanceAdmin, admin, t.agent()]) expectNo5xx(await agent.get(`${url}${query}`), `GET ${url}${query.slice(0, 80)}`);
      }
    });
  }

  it('answers a bad filter with the field that is wrong', async () => {
    for (const [query, field] of [
      ['limit=0', 'querystring.limit'],
      ['before=1e30', 'querystring.before'],
      ['actor=not-a-uuid', 'querystring.actor'],
    ] as const) {
      const res = await instanceAdmin.get(`/api/admin/audit?${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(new Set((res.json() as ErrorBody).error.fields?.map((f) => f.field))).toEqual(new Set([field]));
    }
  });

  it('a forged or garbled session cookie is no session, never an error', async () => {
    for (const cookie of ['uh_session=', 'uh_session=%00', `uh_session=${huge.slice(0, 4000)}`, 'uh_session=a;uh_session=b', 'uh_session="quoted"']) {
      const res = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
      expect(res.statusCode, cookie.slice(0, 40)).toBe(401);
    }
  });
});

// The evidence locker and the filing packet: every route, fuzzed. Nothing a client sends may get
// a 5xx; a date that is not on the calendar is a 400 naming its field.
describe('employer conduct and the filing packet', () => {
  const huge = 'x'.repeat(1_000_000);
  const slug = () => fixture.campaign.slug;
  const conduct = () => `/api/campaigns/${slug()}/conduct`;
  let incidentId: string;
  let attachmentId: string;

  /** A multipart body of raw parts, as a careless or hostile client might send it. */
  const multipart = (parts: string[], boundary = 'uhfuzz') => ({
    payload: Buffer.from(parts.map((p) => `--${boundary}\r\n${p}\r\n`).join('') + `--${boundary}--\r\n`),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  });
  const filePart = (name: string, content: string) => `Content-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: text/plain\r\n\r\n${content}`;

  beforeAll(async () => {
    const up = await admin.request({ method: 'POST', url: `${conduct()}/attachments`, ...multipart([filePart('memo.txt', 'memo')]) });
    expect(up.statusCode, up.body).toBe(201);
    attachmentId = (up.json() as { attachment: { id: string } }).attachment.id;
    const created = await admin.post(`${conduct()}/incidents`, { occurredOn: '2015-03-02', kind: 'threat', title: 'A threat', attachmentIds: [attachmentId] });
    expect(created.statusCode, created.body).toBe(201);
    incidentId = (created.json() as { incident: { id: string } }).incident.id;
  });

  const expectNo5xx = (res: { statusCode: number; body: string }, what: string) => {
    expect(res.statusCode, `${what}: ${res.body.slice(0, 300)}`).toBeLessThan(500);
    expect(res.statusCode, what).toBeGreaterThanOrEqual(400);
  };

  it('answers impossible dates in queries and bodies with 400 on the field', async () => {
    const incident = { kind: 'threat', title: 'x' };
    const cases: [string, () => Promise<{ statusCode: number; body: string; json: () => unknown }>, string][] = [
      ['timeline from', () => admin.get(`${conduct()}/incidents?from=2026-02-30`), 'querystring.from'],
      ['timeline to', () => admin.get(`${conduct()}/incidents?to=2025-02-29`), 'querystring.to'],
      ['chronology.pdf', () => admin.get(`${conduct()}/export/chronology.pdf?from=2026-04-31`), 'querystring.from'],
      ['chronology.csv', () => admin.get(`${conduct()}/export/chronology.csv?to=2026-13-01`), 'querystring.to'],
      ['exhibits.zip', () => admin.get(`${conduct()}/export/exhibits.zip?from=2026-02-30`), 'querystring.from'],
      ['log', () => admin.post(`${conduct()}/incidents`, { ...incident, occurredOn: '2026-02-30' }), 'body.occurredOn'],
      ['edit', () => admin.put(`${conduct()}/incidents/${incidentId}`, { ...incident, occurredOn: '2015-02-29' }), 'body.occurredOn'],
      ['preview', () => admin.get(`/api/campaigns/${slug()}/filing-packets/preview?unitId=${fixture.unit.id}&filingDate=2026-02-30`), 'querystring.filingDate'],
      ['packet', () => admin.post(`/api/campaigns/${slug()}/filing-packets`, { unitId: fixture.unit.id, filingDate: '2015-02-29', copy: 'board', format: 'pdf' }), 'body.filingDate'],
    ];
    for (const [what, send, field] of cases) {
      const res = await send();
      expect(res.statusCode, `${what}: ${res.body.slice(0, 200)}`).toBe(400);
      expect(((res.json() as ErrorBody).error.fields ?? []).map((f) => f.field), what).toEqual([field]);
    }
  });

  it('never answers 5xx to bad ids, wrong types, huge strings or unstorable text', async () => {
    const valid = { occurredOn: '2015-03-01', kind: 'threat', title: 'A threat' };
    const sends: [string, () => Promise<{ statusCode: number; body: string }>][] = [
      ['incident id', () => admin.get(`${conduct()}/incidents/not-an-id`)],
      ['unknown incident', () => admin.get(`${conduct()}/incidents/00000000-0000-4000-8000-000000000000`)],
      ['attachment id', () => admin.get(`${conduct()}/attachments/1%00`)],
      ['unknown attachment', () => admin.get(`${conduct()}/attachments/00000000-0000-4000-8000-000000000000`)],
      ['download flag', () => admin.get(`${conduct()}/attachments/${attachmentId}?download=${huge.slice(0, 3000)}`)],
      ['huge slug', () => admin.get(`/api/campaigns/${'a'.repeat(5000)}/conduct/incidents`)],
      ['NUL slug', () => admin.get('/api/campaigns/a%00b/conduct/options')],
      ['filters', () => admin.get(`${conduct()}/incidents?worksite=x&kind=1&actor=%00&provision=${'f'.repeat(5000)}&status=open`)],
      ['export filters', () => admin.get(`${conduct()}/export/exhibits.zip?actor=nope&kind=threat&kind=other`)],
      ['wrong types', () => admin.post(`${conduct()}/incidents`, { occurredOn: 20150301, kind: ['threat'], title: 5, worksiteIds: 'x', agentIds: [1], quotes: {}, reportedBy: 'me' })],
      ['quote types', () => admin.post(`${conduct()}/incidents`, { ...valid, quotes: [{ text: 'x', pageFrom: 'two', pageTo: -1, speakerNewAgent: -1, attachmentId: 'x' }] })],
      ['new agents', () => admin.post(`${conduct()}/incidents`, { ...valid, newAgents: [{ name: 3, role: 'king' }, ...Array.from({ length: 30 }, () => ({ name: 'A', role: 'other' }))] })],
      ['speaker and new speaker', () => admin.post(`${conduct()}/incidents`, { ...valid, newAgents: [{ name: 'Pat Boss', role: 'other' }], quotes: [{ text: 'x', speakerNewAgent: 0, speakerAgentId: '00000000-0000-4000-8000-000000000000' }] })],
      ['time', () => admin.post(`${conduct()}/incidents`, { ...valid, occurredTime: '25:61' })],
      ['huge title', () => admin.post(`${conduct()}/incidents`, { ...valid, title: huge })],
      ['NUL title', () => admin.post(`${conduct()}/incidents`, { ...valid, title: 'a\u0000b' })],
      ['NUL description', () => admin.put(`${conduct()}/incidents/${incidentId}`, { ...valid, description: 'a\u0000b' })],
      ['NUL quote', () => admin.post(`${conduct()}/incidents`, { ...valid, quotes: [{ text: '\u0000' }] })],
      ['reporter', () => admin.post(`${conduct()}/incidents`, { ...valid, reportedBy: { type: 'account', id: '00000000-0000-4000-8000-000000000000' } })],
      ['not JSON', () => admin.request({ method: 'POST', url: `${conduct()}/incidents`, payload: '{"title":', headers: { 'content-type': 'application/json' } })],
      ['status', () => admin.post(`${conduct()}/incidents/${incidentId}/status`, { status: 7, chargeNumber: huge, note: 1 })],
      ['status NUL', () => admin.post(`${conduct()}/incidents/${incidentId}/status`, { status: 'charge_filed', chargeNumber: 'LA\u0000' })],
      ['status of nothing', () => admin.post(`${conduct()}/incidents/not-an-id/status`, { status: 'settled' })],
      ['agent', () => admin.post(`${conduct()}/agents`, { name: huge, role: 'boss', worksiteId: 'x' })],
      ['agent NUL', () => admin.post(`${conduct()}/agents`, { name: 'Pat\u0000', role: 'principal' })],
      ['agent elsewhere', () => admin.post(`${conduct()}/agents`, { name: 'Pat Elsewhere', role: 'principal', worksiteId: '00000000-0000-4000-8000-000000000000' })],
      ['provision', () => admin.post(`${conduct()}/provisions`, { code: '', title: huge, deadlineMonths: 'six', defaultKinds: ['bribery'] })],
      ['provision NUL', () => admin.post(`${conduct()}/provisions`, { code: 'X\u0000', title: 'T' })],
      ['upload as JSON', () => admin.post(`${conduct()}/attachments`, { file: huge })],
      ['upload without boundary', () => admin.request({ method: 'POST', url: `${conduct()}/attachments`, payload: 'garbage', headers: { 'content-type': 'multipart/form-data' } })],
      ['upload truncated', () => admin.request({ method: 'POST', url: `${conduct()}/attachments`, payload: '--b\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n\r\nabc', headers: { 'content-type': 'multipart/form-data; boundary=b' } })],
      ['upload many fields', () => admin.request({ method: 'POST', url: `${conduct()}/attachments`, ...multipart([...Array.from({ length: 8 }, (_, i) => `Content-Disposition: form-data; name="f${i}"\r\n\r\nv`), filePart('a.txt', 'a')]) })],
      ['upload no file', () => admin.request({ method: 'POST', url: `${conduct()}/attachments`, ...multipart(['Content-Disposition: form-data; name="description"\r\n\r\nonly words']) })],
      ['upload NUL description', () => admin.request({ method: 'POST', url: `${conduct()}/attachments`, ...multipart(['Content-Disposition: form-data; name="description"\r\n\r\na\u0000b', filePart('a.txt', 'a')]) })],
      ['preview ids', () => admin.get(`/api/campaigns/${slug()}/filing-packets/preview?unitId=x&worksiteId=%00&filingDate=2015-06-15&jurisdiction=uk`)],
      ['preview unknown unit', () => admin.get(`/api/campaigns/${slug()}/filing-packets/preview?unitId=00000000-0000-4000-8000-000000000000&filingDate=2015-06-15`)],
      ['packet types', () => admin.post(`/api/campaigns/${slug()}/filing-packets`, { unitId: 1, filingDate: 20150615, copy: 'employer', format: 'docx', worksiteId: huge })],
      ['packet future', () => admin.post(`/api/campaigns/${slug()}/filing-packets`, { unitId: fixture.unit.id, filingDate: '9999-12-31', copy: 'board', format: 'zip' })],
      ['verify slug', () => admin.get(`/api/campaigns/${'%00'.repeat(10)}/cards/verify`)],
    ];
    for (const [what, send] of sends) expectNo5xx(await send(), what);
    // Two files at once: the first is stored (and named in the answer), the second is not read.
    const two = await admin.request({ method: 'POST', url: `${conduct()}/attachments`, ...multipart([filePart('a.txt', 'a'), filePart('b.txt', 'b')]) });
    expect(two.statusCode).toBe(201);
    expect((two.json() as { attachment: { filename: string } }).attachment.filename).toBe('a.txt');
    // What was well-formed still works afterwards.
    for (const path of ['options', 'agents', 'provisions', 'attachments', `incidents/${incidentId}`, `attachments/${attachmentId}`, 'export/chronology.csv']) {
      expect((await admin.get(`${conduct()}/${path}`)).statusCode, path).toBe(200);
    }
    expect((await admin.get(`/api/campaigns/${slug()}/cards/verify`)).statusCode).toBe(200);
  });
});

describe('the public side (newsletters, events, press, endorsements, petitions, OSDI): no input answers 5xx', () => {
  const nil = '00000000-0000-4000-8000-000000000000';
  const huge = 'x'.repeat(1_100_000);
  const long = 'y'.repeat(300_000);
  type Probe = { method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'; url: string; payload?: unknown; field?: string };
  type FormProbe = { page: string; post: string; fields: Record<string, string> };
  let probes: Probe[] = [];
  let forms: FormProbe[] = [];
  let publicProbes: string[] = [];

  beforeAll(async () => {
    const base = `/api/campaigns/${fixture.campaign.slug}`;
    const site = `/c/${fixture.campaign.slug}`;
    const created = async (url: string, body: unknown): Promise<{ id: string; slug?: string }> => {
      const res = await admin.post(`${base}/${url}`, body);
      if (res.statusCode !== 201) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
      return Object.values(res.json() as Record<string, { id: string; slug?: string }>)[0]!;
    };
    const newsletter = await created('newsletters', { title: 'Fuzzed issue', status: 'published' });
    const event = await created('events', { kind: 'meeting', title: 'Fuzzed meeting', startDay: '2099-05-01', startTime: '10:00', endDay: '2099-05-01', endTime: '11:00' });
    const press = await created('press', { kind: 'release', headline: 'Fuzzed release', publishedOn: '2015-05-01', bodyMarkdown: 'Text.' });
    const endorsement = await created('endorsements', { endorserName: 'A Union', endorserKind: 'organization', level: 'union', endorsedOn: '2015-05-01' });
    const petition = await created('petitions', { slug: 'fuzzed', title: 'T', text: 'T', target: 'B', goal: 10, published: true });
    const walkIn = (await admin.post(`${base}/events/${event.id}/walk-ins`, { name: 'Walk In' })).json() as { rsvp: { id: string } };

    const badDays = ['2026-02-30', '2025-02-29', '2026-13-01', '2026-4-1', 'yesterday', '0000-01-01', '10000-01-01'];
    const badTimes = ['24:00', '10:60', '9:00', '10:00:00', 'noon', ''];
    // The last two are years 10000 and 0 in UTC, which PostgreSQL cannot store.
    const badInstants = ['2026-02-30T10:00:00Z', '2026-04-31T10:00:00-07:00', '2026-01-01T10:00:00', 'yesterday', '9999-12-31T23:59:59Z', '0001-01-01T00:00:00Z', '9999-12-31T23:00:00-14:00', '0001-01-01T01:00:00+14:00'];
    const badIds = ['not-an-id', nil, '%00', `${nil}x`];
    const wrongBodies: unknown[] = [[], 'text', 42, null, { title: { $gt: 1 } }];
    const wrongValues: unknown[] = [42, true, null, [], {}, long, 'a\u0000b', '2026-02-30'];
    const event1 = { kind: 'meeting', title: 'E', startDay: '2099-06-01', startTime: '10:00', endDay: '2099-06-01', endTime: '11:00' };
    const bodies: { method: Probe['method']; url: string; body: Record<string, unknown> }[] = [
      { method: 'POST', url: `${base}/newsletters`, body: { title: 'N', slug: 'n-fuzz', summary: '', bodyMarkdown: '', lang: 'en', status: 'draft', publishAt: null } },
      { method: 'PATCH', url: `${base}/newsletters/${newsletter.id}`, body: { title: 'N', slug: 'fuzzed-issue', summary: '', bodyMarkdown: '', lang: 'en', status: 'published', publishAt: null } },
      { method: 'POST', url: `${base}/newsletters/preview`, body: { bodyMarkdown: '' } },
      { method: 'POST', url: `${base}/events`, body: { ...event1, slug: 'e-fuzz', description: '', location: '', timeZone: 'America/Los_Angeles', isPublic: true, rsvpOpen: true } },
      { method: 'PATCH', url: `${base}/events/${event.id}`, body: { ...event1, slug: event.slug, description: '', location: '', timeZone: 'America/Los_Angeles', isPublic: true, rsvpOpen: true } },
      { method: 'POST', url: `${base}/events/${event.id}/rsvps/${walkIn.rsvp.id}/check-in`, body: { checkedIn: true } },
      { method: 'POST', url: `${base}/events/${event.id}/walk-ins`, body: { name: 'W', email: 'w@example.org', phone: '' } },
      { method: 'POST', url: `${base}/press`, body: { kind: 'news', outlet: 'O', headline: 'H', publishedOn: '2015-05-01', url: 'https://o.example/a', slug: null, bodyMarkdown: '', lang: 'en', isPublic: true } },
      { method: 'PATCH', url: `${base}/press/${press.id}`, body: { kind: 'release', outlet: '', headline: 'H', publishedOn: '2015-05-01', url: null, slug: 'fuzzed-release', bodyMarkdown: 'T', lang: 'en', isPublic: true } },
      { method: 'POST', url: `${base}/endorsements`, body: { endorserName: 'E', endorserKind: 'person', endorserTitle: '', level: 'union', endorsedOn: '2015-05-01', quote: '', isPublic: false, document: { filename: 'a.pdf', contentBase64: 'JVBERi0xLjQK' } } },
      { method: 'PATCH', url: `${base}/endorsements/${endorsement.id}`, body: { endorserName: 'E', endorserKind: 'person', endorserTitle: '', level: 'union', endorsedOn: '2015-05-01', quote: '', isPublic: false, document: null } },
      { method: 'POST', url: `${base}/petitions`, body: { slug: 'p-fuzz', title: 'T', text: 'T', target: 'B', goal: 10, published: false } },
      { method: 'PUT', url: `${base}/petitions/${petition.id}`, body: { slug: 'fuzzed', title: 'T', text: 'T', target: 'B', goal: 10, published: true } },
      { method: 'POST', url: `/api/v1/petitions/${petition.id}/signatures`, body: { person: { given_name: 'A', family_name: 'B', email_addresses: [{ address: 'osdi@example.org' }], postal_addresses: [{ postal_code: '90011', locality: 'LA' }] }, comments: '' } },
    ];
    probes = [
      // Dates and times that are not on the calendar, in every body that takes one.
      ...badDays.flatMap((d): Probe[] => [
        { method: 'POST', url: `${base}/events`, payload: { ...event1, startDay: d }, field: 'body.startDay' },
        { method: 'POST', url: `${base}/events`, payload: { ...event1, endDay: d }, field: 'body.endDay' },
        { method: 'PATCH', url: `${base}/events/${event.id}`, payload: { startDay: d }, field: 'body.startDay' },
        { method: 'POST', url: `${base}/press`, payload: { kind: 'news', outlet: 'O', headline: 'H', url: 'https://o.example/a', publishedOn: d }, field: 'body.publishedOn' },
        { method: 'PATCH', url: `${base}/press/${press.id}`, payload: { publishedOn: d }, field: 'body.publishedOn' },
        { method: 'POST', url: `${base}/endorsements`, payload: { endorserName: 'E', endorserKind: 'person', level: 'union', endorsedOn: d }, field: 'body.endorsedOn' },
        { method: 'PATCH', url: `${base}/endorsements/${endorsement.id}`, payload: { endorsedOn: d }, field: 'body.endorsedOn' },
      ]),
      ...badTimes.flatMap((time): Probe[] => [
        { method: 'POST', url: `${base}/events`, payload: { ...event1, startTime: time }, field: 'body.startTime' },
        { method: 'PATCH', url: `${base}/events/${event.id}`, payload: { endTime: time }, field: 'body.endTime' },
      ]),
      ...badInstants.flatMap((i): Probe[] => [
        { method: 'POST', url: `${base}/newsletters`, payload: { title: `At ${i}`, status: 'scheduled', publishAt: i } },
        { method: 'PATCH', url: `${base}/newsletters/${newsletter.id}`, payload: { publishAt: i } },
      ]),
      // The last day there is, and the first: odd, but days.
      { method: 'POST', url: `${base}/press`, payload: { kind: 'news', outlet: 'O', headline: 'Late', url: 'https://o.example/a', publishedOn: '9999-12-31' } },
      { method: 'POST', url: `${base}/endorsements`, payload: { endorserName: 'Early', endorserKind: 'person', level: 'union', endorsedOn: '0001-01-01' } },
      { method: 'POST', url: `${base}/events`, payload: { ...event1, title: 'Last', startDay: '9999-12-31', endDay: '9999-12-31', endTime: '23:59' } },
      { method: 'POST', url: `${base}/events`, payload: { ...event1, title: 'Zone', timeZone: 'Not/AZone' }, field: 'body.timeZone' },
      // Ids that are not ids, or name nothing.
      ...badIds.flatMap((id): Probe[] => [
        { method: 'GET', url: `${base}/newsletters/${id}` },
        { method: 'PATCH', url: `${base}/newsletters/${id}`, payload: { title: 'T' } },
        { method: 'DELETE', url: `${base}/newsletters/${id}` },
        { method: 'POST', url: `${base}/newsletters/${id}/send` },
        { method: 'PATCH', url: `${base}/events/${id}`, payload: { title: 'T' } },
        { method: 'DELETE', url: `${base}/events/${id}` },
        { method: 'GET', url: `${base}/events/${id}/rsvps` },
        { method: 'GET', url: `${base}/events/${id}/rsvps/export.csv` },
        { method: 'POST', url: `${base}/events/${id}/rsvps/${walkIn.rsvp.id}/check-in`, payload: { checkedIn: true } },
        { method: 'POST', url: `${base}/events/${event.id}/rsvps/${id}/check-in`, payload: { checkedIn: false } },
        { method: 'POST', url: `${base}/events/${id}/walk-ins`, payload: { name: 'W' } },
        { method: 'PATCH', url: `${base}/press/${id}`, payload: { headline: 'H' } },
        { method: 'DELETE', url: `${base}/press/${id}` },
        { method: 'PATCH', url: `${base}/endorsements/${id}`, payload: { quote: 'Q' } },
        { method: 'DELETE', url: `${base}/endorsements/${id}` },
        { method: 'GET', url: `${base}/endorsements/${id}/document` },
        { method: 'GET', url: `${base}/petitions/${id}` },
        { method: 'PUT', url: `${base}/petitions/${id}`, payload: { goal: 5 } },
        { method: 'GET', url: `${base}/petitions/${id}/held` },
        { method: 'POST', url: `${base}/petitions/${id}/held/${nil}/approve` },
        { method: 'POST', url: `${base}/petitions/${petition.id}/held/${id}/reject` },
        { method: 'GET', url: `${base}/petitions/${id}/signers.csv` },
        { method: 'GET', url: `/api/v1/petitions/${id}` },
        { method: 'POST', url: `/api/v1/petitions/${id}/signatures`, payload: bodies.at(-1)!.body },
      ]),
      // Wrong shapes for every body, and wrong values for every field.
      ...bodies.flatMap(({ method, url }) => wrongBodies.map((payload): Probe => ({ method, url, payload }))),
      ...bodies.flatMap(({ method, url, body }) => Object.keys(body).flatMap((key) => wrongValues.map((value): Probe => ({ method, url, payload: { ...body, [key]: value } })))),
      ...bodies.map(({ method, url, body }): Probe => ({ method, url, payload: { ...body, [Object.keys(body)[0]!]: huge } })),
      { method: 'POST', url: `/api/v1/petitions/${petition.id}/signatures`, payload: { person: { given_name: 'a\u0000b', family_name: 'B', email_addresses: [{ address: 'nul@example.org' }] } } },
      { method: 'POST', url: `/api/v1/petitions/${petition.id}/signatures`, payload: { person: { given_name: 'A', family_name: 'B', email_addresses: Array.from({ length: 50 }, () => ({ address: 'x@example.org' })) } } },
      { method: 'GET', url: `/api/v1/petitions?page=0` },
      { method: 'GET', url: `/api/v1/petitions?page=99999999&per_page=1000` },
      { method: 'GET', url: `/api/v1/petitions?page=x` },
      { method: 'GET', url: `/api/v1/petitions/${'9'.repeat(5000)}` },
      // A slug that names nothing, or cannot be stored.
      ...['no-such-campaign', '%00', 'x'.repeat(81)].flatMap((s): Probe[] => [
        { method: 'GET', url: `/api/campaigns/${s}/newsletters` },
        { method: 'POST', url: `/api/campaigns/${s}/newsletters`, payload: { title: 'T' } },
        { method: 'GET', url: `/api/campaigns/${s}/events` },
        { method: 'POST', url: `/api/campaigns/${s}/events`, payload: event1 },
        { method: 'GET', url: `/api/campaigns/${s}/press` },
        { method: 'GET', url: `/api/campaigns/${s}/endorsements` },
        { method: 'GET', url: `/api/campaigns/${s}/petitions` },
      ]),
    ];
    // The public forms, with a real CSRF token: every field wrong, huge or unstorable.
    const formValues = ['', long, 'a\u0000b', '2026-02-30', '<script>alert(1)</script>'];
    const formsOf = (page: string, post: string, fields: Record<string, string>): FormProbe[] =>
      Object.keys(fields).flatMap((key) => formValues.map((value) => ({ page, post, fields: { ...fields, [key]: value } })));
    forms = [
      ...formsOf(`${site}/news/subscribe`, `${site}/news/subscribe`, { email: 'reader@example.org' }),
      ...formsOf(`${site}/events/${event.slug}`, `${site}/events/${event.slug}/rsvp`, { name: 'R', email: 'r@example.org', phone: '' }),
      ...formsOf(`${site}/petition/fuzzed`, `${site}/petition/fuzzed`, { given_name: 'A', family_name: 'B', email: 'p@example.org', zip: '90011', city: '', relationship: 'parent', comment: '', altcha: '' }),
    ];
    publicProbes = [
      `${site}/news/subscribe/confirm?s=${nil}&t=${'t'.repeat(20)}`,
      `${site}/news/subscribe/confirm?s=not-an-id&t=%00`,
      `${site}/news/unsubscribe?s=${nil}&t=${'t'.repeat(5000)}`,
      `${site}/news/unsubscribe?s[]=1`,
      `${site}/news/%00`,
      `${site}/news/${'n'.repeat(5000)}`,
      `${site}/press/%00`,
      `${site}/events/%00`,
      `${site}/events/%00/calendar.ics`,
      `${site}/endorsements/documents/%00`,
      `${site}/endorsements/documents/${'a'.repeat(64)}`,
      `${site}/petition/%00`,
      `${site}/petition/fuzzed/confirm?token=%00`,
      `${site}/petition/fuzzed/confirm?token=${'z'.repeat(300)}`,
      `${site}/petition/fuzzed/confirm?token[]=x`,
    ];
  });

  it('answers every API probe with a 4xx (or a 2xx for what is merely odd), never 5xx; bad dates name their field', async () => {
    const failures: string[] = [];
    for (const probe of probes) {
      const res = await admin.request({ method: probe.method, url: probe.url, ...(probe.payload !== undefined ? { payload: JSON.stringify(probe.payload), headers: { 'content-type': 'application/json' } } : {}) });
      const where = `${probe.method} ${probe.url.slice(0, 120)} ${JSON.stringify(probe.payload ?? null).slice(0, 120)}`;
      if (res.statusCode >= 500) failures.push(`${where} → ${res.statusCode} ${res.body.slice(0, 200)}`);
      else if (probe.field) {
        const body = res.json() as ErrorBody;
        if (res.statusCode !== 400 || !body.error?.fields?.some((f) => f.field === probe.field)) failures.push(`${where} → ${res.statusCode}, expected 400 on ${probe.field}: ${res.body.slice(0, 200)}`);
      }
    }
    expect(failures).toEqual([]);
    expect(probes.length).toBeGreaterThan(500);
  });

  it('answers every public form and page probe with a page, never 5xx', async () => {
    const failures: string[] = [];
    for (const url of publicProbes) {
      const res = await t.agent().get(url);
      if (res.statusCode >= 500) failures.push(`GET ${url.slice(0, 120)} → ${res.statusCode}`);
    }
    const visitor = t.agent();
    for (const form of forms) {
      const page = await visitor.get(form.page);
      const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
      const res = await visitor.request({ method: 'POST', url: form.post, withCsrf: false, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams({ _csrf: token, ...form.fields }).toString() });
      if (res.statusCode >= 500) failures.push(`POST ${form.post} ${JSON.stringify(form.fields).slice(0, 120)} → ${res.statusCode} ${res.body.slice(0, 200)}`);
    }
    expect(failures).toEqual([]);
  });
});

describe('cards, public numbers and filing packets: no input makes a 5xx', () => {
  const huge = 'x'.repeat(300_000);
  const id = '00000000-0000-4000-8000-000000000000';
  /** `takesNothing`: the route reads no input, so it answers as usual whatever is sent. */
  type Case = { method: 'GET' | 'POST' | 'PUT'; path: string; bodies?: unknown[]; takesNothing?: true };
  const bad = [null, 42, 'text', [], { huge }, { method: 'in_person', personId: 'not-an-id' }, { answer: 'maybe' }, { reason: huge }, { emailDomains: [huge] }, { emailDomains: 'x' }, { granularity: 1.5, autoPublish: 'yes' }, { granularity: -1, autoPublish: false }];
  const cases: Case[] = [
    { method: 'GET', path: 'cards?state=lost&limit=-1&offset=x&worksite=nope' },
    { method: 'GET', path: 'cards?state=verified&match=review&limit=99999999' },
    { method: 'GET', path: 'cards/waiting?x=%00', takesNothing: true },
    { method: 'GET', path: 'cards/not-an-id' },
    { method: 'POST', path: `cards/${id}/verification`, bodies: bad },
    { method: 'POST', path: 'cards/not-an-id/verification', bodies: [{ method: 'in_person' }] },
    { method: 'POST', path: `cards/${id}/answer`, bodies: bad },
    { method: 'POST', path: `cards/${id}/dismiss`, bodies: bad },
    { method: 'POST', path: `cards/${id}/match`, bodies: bad },
    { method: 'POST', path: `cards/${id}/revoke`, bodies: [...bad, { reason: 'x', effectiveOn: '2026-02-30' }] },
    { method: 'POST', path: 'cards/paper', bodies: [...bad, { signerName: 'A B', worksiteId: id, jobTitle: 'Teacher', signedOn: '2015-02-30', cardTextVersion: 1, scan: { filename: 'a.pdf', contentType: 'application/pdf', dataBase64: 'JVBERi0xLjQK' } }, { signerName: huge }] },
    { method: 'POST', path: 'card-texts', bodies: [...bad, { title: 'T', body: huge }, { language: 'fr', title: 'T', body: 'A long enough body for a card.' }] },
    { method: 'POST', path: `card-texts/${id}/approve` },
    { method: 'POST', path: 'card-texts/not-an-id/approve' },
    { method: 'GET', path: 'employers?x=%00', takesNothing: true },
    { method: 'PUT', path: `employers/${id}/email-domains`, bodies: bad },
    { method: 'PUT', path: 'employers/not-an-id/email-domains', bodies: [{ emailDomains: [] }] },
    { method: 'GET', path: 'public-numbers?x=%00', takesNothing: true },
    { method: 'POST', path: 'public-numbers', bodies: [huge], takesNothing: true },
    { method: 'PUT', path: 'public-numbers/settings', bodies: bad },
    { method: 'GET', path: 'filing-packets/preview?unitId=x&filingDate=2026-02-30' },
    { method: 'GET', path: `filing-packets/preview?unitId=${id}&filingDate=2015-06-15&worksiteId=%00` },
    { method: 'POST', path: 'filing-packets', bodies: [...bad, { unitId: id, filingDate: '2015-02-29', copy: 'board', format: 'exe' }] },
  ];
  for (const c of cases) {
    it(`${c.method} ${c.path.slice(0, 80)} → ${c.takesNothing ? 'no 5xx' : '4xx'}`, async () => {
      const url = `/api/campaigns/${fixture.campaign.slug}/${c.path}`;
      for (const body of c.bodies ?? [undefined]) {
        const res = await admin.request({ method: c.method, url, ...(body === undefined ? {} : { payload: JSON.stringify(body), headers: { 'content-type': 'application/json' } }) });
        if (!c.takesNothing) expect(res.statusCode, `${JSON.stringify(body)?.slice(0, 80)}: ${res.body.slice(0, 200)}`).toBeGreaterThanOrEqual(400);
        expect(res.statusCode, res.body.slice(0, 200)).toBeLessThan(500);
      }
    });
  }

  it('the public card form and confirmation link take anything without a 5xx', async () => {
    for (const url of [`/c/${fixture.campaign.slug}/card/confirm/${'x'.repeat(150)}`, `/c/${fixture.campaign.slug}/card/confirm/%00`, `/c/nope/card/confirm/${'A'.repeat(43)}`]) {
      const get = await t.agent().get(url);
      expect(get.statusCode, url).toBeLessThan(500);
      const post = await t.agent().request({ method: 'POST', url, payload: 'answer=maybe', headers: { 'content-type': 'application/x-www-form-urlencoded' }, withCsrf: false });
      expect(post.statusCode, url).toBeLessThan(500);
    }
  });
});
