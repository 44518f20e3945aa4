import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../src/db/schema/index.js';
import { createAccount, createCampaign, createMember, TEST_PASSWORD, type CampaignFixture } from '../support/factories.js';
import { createTestApp, type Agent, type TestApp } from '../support/test-app.js';

type AuditEvent = { id: number; at: string; actorEmail: string | null; campaignId: string | null; action: string; subjectType: string | null; subjectId: string | null; ip: string | null; details: Record<string, unknown> };
type Events = { events: AuditEvent[] };

let t: TestApp;
let fixture: CampaignFixture;
let admin: { id: string; email: string };
let adminAgent: Agent;

const rowsFor = (accountId: string, action: string) =>
  t.database.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.actorAccountId, accountId), eq(auditEvents.action, action)));

beforeAll(async () => {
  t = await createTestApp();
  fixture = await createCampaign(t.database.db, { sites: 2, perSite: 3 });
  admin = await createMember(t.database.db, fixture, 'admin');
  adminAgent = t.agent();
  await adminAgent.login(admin.email, TEST_PASSWORD);
});
afterAll(async () => t.close());

describe('audit rows for views and exports', () => {
  it('records every view of the people list, with who, where and how many', async () => {
    const committee = await createMember(t.database.db, fixture, 'committee');
    const agent = t.agent();
    await agent.login(committee.email, TEST_PASSWORD);
    expect((await agent.get(`/api/campaigns/${fixture.campaign.slug}/people?asOf=2026-01-15`)).statusCode).toBe(200);
    expect((await agent.get(`/api/campaigns/${fixture.campaign.slug}/people`)).statusCode).toBe(200);
    const rows = await rowsFor(committee.id, 'people.list_viewed');
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ actorEmail: committee.email, campaignId: fixture.campaign.id, details: { asOf: '2026-01-15', count: 3 } });
    expect(rows[0]!.ip).toBeTruthy();
  });

  it('does not record a view that was refused', async () => {
    const viewer = await createMember(t.database.db, fixture, 'viewer');
    const agent = t.agent();
    await agent.login(viewer.email, TEST_PASSWORD);
    expect((await agent.get(`/api/campaigns/${fixture.campaign.slug}/people`)).statusCode).toBe(403);
    expect(await rowsFor(viewer.id, 'people.list_viewed')).toHaveLength(0);
  });

  it('records every roster export', async () => {
    const res = await adminAgent.get(`/api/campaigns/${fixture.campaign.slug}/people/export.csv?asOf=2026-02-01`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toContain(`${fixture.campaign.slug}-roster-2026-02-01.csv`);
    const lines = res.body.trim().split('\n');
    expect(lines[0]).toBe('givenName,familyName,employeeId,workEmail,phone,worksiteName,jobTitle,unitName');
    expect(lines).toHaveLength(fixture.people.length + 1);
    const rows = await rowsFor(admin.id, 'export.roster');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ campaignId: fixture.campaign.id, details: { asOf: '2026-02-01', count: fixture.people.length } });
  });

  it('records role changes with the role before and after', async () => {
    const person = await createAccount(t.database.db);
    const url = `/api/campaigns/${fixture.campaign.slug}/members/${person.id}`;
    expect((await adminAgent.put(url, { role: 'viewer' })).statusCode).toBe(200);
    expect((await adminAgent.put(url, { role: 'committee', worksiteIds: [fixture.sites[1]!.id] })).statusCode).toBe(200);
    const rows = (await rowsFor(admin.id, 'member.role_changed')).filter((r) => r.subjectId === person.id).sort((a, b) => a.id - b.id);
    expect(rows.map((r) => r.details)).toEqual([
      { email: person.email, from: null, to: 'viewer', worksiteIds: [] },
      { email: person.email, from: 'viewer', to: 'committee', worksiteIds: [fixture.sites[1]!.id] },
    ]);
    expect(rows[0]).toMatchObject({ subjectType: 'account', campaignId: fixture.campaign.id });
  });

  it('records a refused role change as nothing at all', async () => {
    const person = await createAccount(t.database.db);
    const res = await adminAgent.put(`/api/campaigns/${fixture.campaign.slug}/members/${person.id}`, { role: 'committee', worksiteIds: [] });
    expect(res.statusCode).toBe(400);
    const rows = await t.database.db.select().from(auditEvents).where(eq(auditEvents.subjectId, person.id));
    expect(rows).toHaveLength(0);
  });

  it('records sign-ins and failed sign-ins, including for unknown emails', async () => {
    const account = await createAccount(t.database.db);
    expect((await t.agent().post('/api/auth/login', { email: account.email, password: 'wrong password' })).statusCode).toBe(401);
    await t.agent().login(account.email, TEST_PASSWORD);
    const failed = await rowsFor(account.id, 'auth.login_failed');
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({ actorEmail: account.email, campaignId: null, details: { reason: 'bad_password', failures: 1 } });
    expect(await rowsFor(account.id, 'auth.login')).toHaveLength(1);

    expect((await t.agent().post('/api/auth/login', { email: 'stranger@example.org', password: 'a guess' })).statusCode).toBe(401);
    const unknown = await t.database.db.select().from(auditEvents).where(and(eq(auditEvents.actorEmail, 'stranger@example.org'), eq(auditEvents.action, 'auth.login_failed')));
    expect(unknown).toHaveLength(1);
    expect(unknown[0]).toMatchObject({ actorAccountId: null, details: { reason: 'unknown_email' } });
  });
});

describe('the audit log is append-only', () => {
  let id: number;
  beforeAll(async () => {
    await t.services.repositories.audit.append({ actorAccountId: null, actorEmail: 'system', campaignId: null, action: 'test.append_only' });
    const [row] = await t.database.db.select().from(auditEvents).where(eq(auditEvents.action, 'test.append_only'));
    id = row!.id;
  });

  for (const [what, statement] of [
    ['UPDATE', "UPDATE audit_events SET action = 'test.rewritten' WHERE id = $1"],
    ['DELETE', 'DELETE FROM audit_events WHERE id = $1'],
    ['TRUNCATE', 'TRUNCATE audit_events'],
  ] as const) {
    it(`refuses ${what} in SQL`, async () => {
      const before = (await t.database.pool.query('SELECT count(*)::int AS n FROM audit_events')).rows[0] as { n: number };
      const params = statement.includes('$1') ? [id] : [];
      await expect(t.database.pool.query(statement, params)).rejects.toMatchObject({ code: '42501', message: expect.stringContaining('append-only') });
      const after = (await t.database.pool.query('SELECT count(*)::int AS n FROM audit_events')).rows[0] as { n: number };
      expect(after.n).toBe(before.n);
      const [row] = await t.database.db.select().from(auditEvents).where(eq(auditEvents.id, id));
      expect(row?.action).toBe('test.append_only');
    });
  }
});

describe('reading and filtering the audit log', () => {
  let other: CampaignFixture;
  let instanceAdmin: Agent;
  let actorA: string;
  let actorB: string;

  beforeAll(async () => {
    other = await createCampaign(t.database.db);
    const ia = await createAccount(t.database.db, { instanceAdmin: true });
    instanceAdmin = t.agent();
    await instanceAdmin.login(ia.email, TEST_PASSWORD);
    actorA = (await createAccount(t.database.db)).id;
    actorB = (await createAccount(t.database.db)).id;
    // Known times, written straight to the table (inserting is what the log allows).
    const rows = [
      { at: new Date('2026-03-01T09:00:00Z'), campaignId: fixture.campaign.id, action: 'filter.a', actorAccountId: actorA },
      { at: new Date('2026-03-01T18:00:00Z'), campaignId: fixture.campaign.id, action: 'filter.b', actorAccountId: actorB },
      { at: new Date('2026-03-02T09:00:00Z'), campaignId: fixture.campaign.id, action: 'filter.a', actorAccountId: actorB },
      { at: new Date('2026-03-03T09:00:00Z'), campaignId: fixture.campaign.id, action: 'filter.a', actorAccountId: actorA },
      { at: new Date('2026-03-02T12:00:00Z'), campaignId: other.campaign.id, action: 'filter.a', actorAccountId: actorA },
      { at: new Date('2026-03-02T12:00:00Z'), campaignId: null, action: 'filter.a', actorAccountId: actorA },
    ];
    await t.database.db.insert(auditEvents).values(rows.map((r) => ({ ...r, actorEmail: 'x@example.org', details: { at: r.at.toISOString() } })));
  });

  const campaignAudit = async (query: string): Promise<AuditEvent[]> => {
    const res = await adminAgent.get(`/api/campaigns/${fixture.campaign.slug}/audit?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return (res.json() as Events).events;
  };
  const times = (events: AuditEvent[]) => events.map((e) => e.at);

  it('shows a campaign admin only that campaign’s events, newest first', async () => {
    const events = await campaignAudit('action=filter.a');
    expect(times(events)).toEqual(['2026-03-03T09:00:00.000Z', '2026-03-02T09:00:00.000Z', '2026-03-01T09:00:00.000Z']);
    expect(events.every((e) => e.campaignId === fixture.campaign.id)).toBe(true);
    // Sign-ins belong to no campaign: never in a campaign's log.
    expect((await campaignAudit('limit=500')).some((e) => e.action.startsWith('auth.'))).toBe(false);
  });

  it('filters by time: from and to, with a date-only `to` covering the whole day', async () => {
    expect(times(await campaignAudit('from=2026-03-01T12:00:00Z&to=2026-03-02&action=filter.a'))).toEqual(['2026-03-02T09:00:00.000Z']);
    expect(times(await campaignAudit('to=2026-03-01&limit=500')).filter((at) => at.startsWith('2026-03'))).toEqual(['2026-03-01T18:00:00.000Z', '2026-03-01T09:00:00.000Z']);
    expect(times(await campaignAudit('from=2026-03-02&to=2026-03-02T23:00:00%2B00:00'))).toEqual(['2026-03-02T09:00:00.000Z']);
  });

  it('pages with limit and before', async () => {
    const first = await campaignAudit('action=filter.a&limit=2');
    expect(first).toHaveLength(2);
    const rest = await campaignAudit(`action=filter.a&limit=2&before=${first[1]!.id}`);
    expect(times(rest)).toEqual(['2026-03-01T09:00:00.000Z']);
  });

  it('rejects bad filters with the field', async () => {
    for (const query of ['limit=0', 'limit=501', 'from=yesterday', 'before=-1']) {
      const res = await adminAgent.get(`/api/campaigns/${fixture.campaign.slug}/audit?${query}`);
      expect(res.statusCode, query).toBe(400);
      const field = (res.json() as { error: { code: string; fields: { field: string }[] } }).error;
      expect(field.code).toBe('validation_failed');
      expect(field.fields[0]!.field).toBe(`querystring.${query.split('=')[0]}`);
    }
  });

  it('shows an instance admin every event across campaigns when asked, sign-ins included, filtered by action and actor', async () => {
    const all = (await instanceAdmin.get('/api/admin/audit?action=filter.a&limit=500&allCampaigns=true')).json() as Events;
    expect(all.events).toHaveLength(5);
    expect(new Set(all.events.map((e) => e.campaignId))).toEqual(new Set([fixture.campaign.id, other.campaign.id, null]));

    const byActor = (await instanceAdmin.get(`/api/admin/audit?actor=${actorB}&allCampaigns=true`)).json() as Events;
    expect(times(byActor.events)).toEqual(['2026-03-02T09:00:00.000Z', '2026-03-01T18:00:00.000Z']);

    const logins = (await instanceAdmin.get('/api/admin/audit?action=auth.login')).json() as Events;
    expect(logins.events.length).toBeGreaterThan(0);
    expect(logins.events.every((e) => e.action === 'auth.login')).toBe(true);

    const paged = (await instanceAdmin.get(`/api/admin/audit?action=filter.a&limit=2&before=${all.events[1]!.id}&allCampaigns=true`)).json() as Events;
    expect(paged.events.map((e) => e.id)).toEqual(all.events.slice(2, 4).map((e) => e.id));

    expect((await instanceAdmin.get('/api/admin/audit?actor=not-a-uuid')).statusCode).toBe(400);
  });

  it('shows an instance admin only the campaigns they are a member of, unless they ask for all, and records which', async () => {
    const mine = (await instanceAdmin.get('/api/admin/audit?action=filter.a&limit=500')).json() as Events;
    // The instance admin is a member of neither campaign: only the entries of no campaign show.
    expect(mine.events.length).toBeGreaterThan(0);
    expect(mine.events.every((e) => e.campaignId === null)).toBe(true);
    const viewed = (await instanceAdmin.get('/api/admin/audit?action=audit.viewed&limit=500')).json() as Events;
    expect(viewed.events.length).toBeGreaterThan(0);
    const across = (await instanceAdmin.get('/api/admin/audit?action=audit.viewed_all_campaigns&limit=500')).json() as Events;
    expect(across.events.length).toBeGreaterThan(0);
    expect(across.events[0]).toMatchObject({ campaignId: null, action: 'audit.viewed_all_campaigns' });
  });

  it('is closed to campaign admins at the instance level and to other roles at the campaign level', async () => {
    expect((await adminAgent.get('/api/admin/audit')).statusCode).toBe(403);
    const organizer = await createMember(t.database.db, fixture, 'organizer');
    const agent = t.agent();
    await agent.login(organizer.email, TEST_PASSWORD);
    expect((await agent.get(`/api/campaigns/${fixture.campaign.slug}/audit`)).statusCode).toBe(403);
  });
});
