import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../src/db/schema/index.js';
import type { Role } from '../../src/domain/policies/campaign-policy.js';
import { createCampaign, createMember, TEST_PASSWORD, type CampaignFixture } from '../support/factories.js';
import { createTestApp, type Agent, type TestApp } from '../support/test-app.js';

let t: TestApp;
let fixture: CampaignFixture;
const agents = {} as Record<Role, Agent>;
const accountIds = {} as Record<Role, string>;
beforeAll(async () => {
  t = await createTestApp();
  t.clock.now = new Date('2015-05-31T12:00:00Z');
  fixture = await createCampaign(t.database.db, { sites: 2, perSite: 3 });
  for (const role of ['admin', 'organizer', 'committee', 'viewer'] as const) {
    const account = await createMember(t.database.db, fixture, role);
    accountIds[role] = account.id;
    agents[role] = t.agent();
    await agents[role].login(account.email, TEST_PASSWORD);
  }
});
afterAll(async () => t.close());

const base = () => `/api/campaigns/${fixture.campaign.slug}`;
type Lists = { lists: { accountId: string; people: { personId: string }[] }[] };
type Coverage = { worksites: { worksiteName: string; people: number; unassigned: { personId: string }[]; notContacted: { personId: string }[] }[] };

describe('committee lists', () => {
  it('assigns people at the member’s worksites and refuses anyone elsewhere', async () => {
    const [a, b] = fixture.people;
    const elsewhere = fixture.people[3]!;
    const ok = await agents.organizer.post(`${base()}/committee-lists/${accountIds.committee}/people`, { personIds: [a!.id, b!.id] });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ assigned: 2 });
    const refused = await agents.organizer.post(`${base()}/committee-lists/${accountIds.committee}/people`, { personIds: [elsewhere.id] });
    expect(refused.statusCode).toBe(400);
    const notCommittee = await agents.organizer.post(`${base()}/committee-lists/${accountIds.viewer}/people`, { personIds: [a!.id] });
    expect(notCommittee.statusCode).toBe(400);

    const all = (await agents.organizer.get(`${base()}/committee-lists`)).json() as Lists;
    expect(all.lists).toHaveLength(1);
    expect(all.lists[0]!.people.map((p) => p.personId).sort()).toEqual([a!.id, b!.id].sort());
    const own = (await agents.committee.get(`${base()}/committee-lists`)).json() as Lists;
    expect(own.lists[0]!.accountId).toBe(accountIds.committee);
  });

  it('only admins and organizers assign; viewers see no lists', async () => {
    const person = fixture.people[2]!;
    expect((await agents.committee.post(`${base()}/committee-lists/${accountIds.committee}/people`, { personIds: [person.id] })).statusCode).toBe(403);
    expect((await agents.viewer.post(`${base()}/committee-lists/${accountIds.committee}/people`, { personIds: [person.id] })).statusCode).toBe(403);
    expect((await agents.viewer.get(`${base()}/committee-lists`)).statusCode).toBe(403);
    expect((await agents.admin.post(`${base()}/committee-lists/${accountIds.committee}/people`, { personIds: [person.id] })).statusCode).toBe(200);
    const removed = await agents.admin.request({ method: 'DELETE', url: `${base()}/committee-lists/${accountIds.committee}/people/${person.id}` });
    expect(removed.statusCode).toBe(200);
    const again = await agents.admin.request({ method: 'DELETE', url: `${base()}/committee-lists/${accountIds.committee}/people/${person.id}` });
    expect(again.statusCode).toBe(404);
  });
});

describe('coverage', () => {
  it('shows per worksite who is unassigned and who has not been talked to in 30 days', async () => {
    const [a, b, c] = fixture.people;
    await agents.organizer.post(`${base()}/people/${a!.id}/conversations`, { channel: 'one_on_one', occurredAt: '2015-05-20T17:00:00Z' });
    await agents.organizer.post(`${base()}/people/${b!.id}/conversations`, { channel: 'call', occurredAt: '2015-04-01T17:00:00Z' });
    const res = (await agents.organizer.get(`${base()}/coverage`)).json() as Coverage;
    expect(res.worksites.map((w) => w.worksiteName)).toEqual(['School 1', 'School 2']);
    const school1 = res.worksites[0]!;
    expect(school1.people).toBe(3);
    expect(school1.unassigned.map((p) => p.personId)).toEqual([c!.id]);
    expect(school1.notContacted.map((p) => p.personId).sort()).toEqual([b!.id, c!.id].sort());
    expect(res.worksites[1]!.unassigned).toHaveLength(3);
  });

  it('committee members see their own worksites only; viewers none', async () => {
    const res = (await agents.committee.get(`${base()}/coverage`)).json() as Coverage;
    expect(res.worksites.map((w) => w.worksiteName)).toEqual(['School 1']);
    expect((await agents.committee.get(`${base()}/coverage?worksite=${fixture.sites[1]!.id}`)).statusCode).toBe(404);
    expect((await agents.viewer.get(`${base()}/coverage`)).statusCode).toBe(403);
  });
});

describe('every view of lists and coverage is audited', () => {
  const auditRows = (action: string, actor: string) => t.database.db.select().from(auditEvents).where(and(eq(auditEvents.action, action), eq(auditEvents.actorAccountId, actor))).orderBy(auditEvents.id);

  it('committee lists, committee members and coverage each write a row in the campaign', async () => {
    for (const [url, action] of [
      ['committee-lists', 'committee.lists_viewed'],
      ['committee-members', 'committee.members_viewed'],
      ['coverage', 'coverage.viewed'],
    ] as const) {
      const before = (await auditRows(action, accountIds.admin)).length;
      expect((await agents.admin.get(`${base()}/${url}`)).statusCode).toBe(200);
      const rows = await auditRows(action, accountIds.admin);
      expect(rows, action).toHaveLength(before + 1);
      expect(rows.at(-1)?.campaignId).toBe(fixture.campaign.id);
    }
    expect((await agents.viewer.get(`${base()}/coverage`)).statusCode).toBe(403);
    expect(await auditRows('coverage.viewed', accountIds.viewer)).toHaveLength(0);
  });

  it('shows nothing when its audit row cannot be written', async () => {
    const db = t.database.db;
    await db.execute(sql`create function refuse_coverage_audit() returns trigger language plpgsql as $$ begin if new.action = 'coverage.viewed' then raise exception 'audit unavailable'; end if; return new; end $$`);
    await db.execute(sql`create trigger refuse_coverage_audit before insert on audit_events for each row execute function refuse_coverage_audit()`);
    try {
      const res = await agents.organizer.get(`${base()}/coverage`);
      expect(res.statusCode).toBe(500);
      for (const p of fixture.people) expect(res.body).not.toContain(p.familyName);
    } finally {
      await db.execute(sql`drop trigger refuse_coverage_audit on audit_events`);
      await db.execute(sql`drop function refuse_coverage_audit()`);
    }
  });
});
