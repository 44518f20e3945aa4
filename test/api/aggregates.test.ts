import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sealPersonLink } from '../../src/db/repositories/card-sealing.js';
import { assessments, committeeAssignments } from '../../src/db/schema/index.js';
import { addCardText, insertCard } from '../support/card-fixtures.js';
import { createCampaign, createMember, TEST_PASSWORD, type CampaignFixture } from '../support/factories.js';
import { createTestApp, type Agent, type TestApp } from '../support/test-app.js';

// Aggregates without individuals (decision 0023): every role against every aggregate endpoint,
// today and on other days, and what two answers of different days let one work out.
//
// Four schools of 20. Supporters: A 7, B 3 (then 4), C 17, D 10. B's supporters and C's others
// are fewer than 5: below organizer those schools are withheld (together they leave a safe
// remainder). Ratings at A: six people on the committee member's list are 2s; two coworkers who
// are not on it become 1s on May 15 (the case the issue describes).

let t: TestApp;
let f: CampaignFixture;
const agents = {} as Record<'admin' | 'organizer' | 'committee' | 'viewer', Agent>;
const DAY1 = '2015-05-10';
const DAY2 = '2015-05-20';

const school = (i: number) => f.sites[i]!;
const staff = (i: number) => f.people.filter((p) => p.worksiteId === school(i).id);

beforeAll(async () => {
  t = await createTestApp();
  t.clock.now = new Date('2015-06-15T19:00:00Z');
  f = await createCampaign(t.database.db, { sites: 4, perSite: 20 });
  const db = t.database.db;
  const text = await addCardText(db, f.campaign.id);
  const sign = (people: { id: string; worksiteId: string }[], signedOn: string) =>
    Promise.all(people.map((p) => insertCard(db, { campaignId: f.campaign.id, cardTextId: text.id, worksiteId: p.worksiteId, personId: p.id, signedOn })));
  await sign(staff(0).slice(0, 7), '2015-05-01');
  await sign(staff(1).slice(0, 3), '2015-05-01');
  await sign(staff(2).slice(0, 17), '2015-05-01');
  await sign(staff(3).slice(0, 10), '2015-05-01');
  await sign(staff(1).slice(3, 4), '2015-05-15'); // B's fourth supporter, between the two days

  for (const role of ['admin', 'organizer', 'committee', 'viewer'] as const) {
    const account = await createMember(db, f, role, role === 'committee' ? [school(0).id] : undefined);
    agents[role] = t.agent();
    await agents[role].login(account.email, TEST_PASSWORD);
  }
  const committeeId = (await t.database.db.query.memberships.findMany()).find((m) => m.campaignId === f.campaign.id && m.role === 'committee')!.accountId;
  const list = staff(0).slice(8, 14);
  await db.insert(committeeAssignments).values(list.map((p) => ({ personId: p.id, campaignId: f.campaign.id, accountId: committeeId })));
  // Ratings keyed as the app writes them (decision 0028, ratings).
  const cipher = await t.services.keyring.cipher();
  const link = await t.services.keyring.link();
  const rate = (people: { id: string }[], level: number, at: string) =>
    db.insert(assessments).values(people.map((p) => ({ campaignId: f.campaign.id, ...sealPersonLink(cipher, link, p.id), level, assessedByName: 'An Organizer', assessedAt: new Date(at) })));
  await rate(list, 2, '2015-05-02T18:00:00Z');
  await rate(staff(0).slice(14, 16), 1, '2015-05-15T18:00:00Z');
});
afterAll(async () => t.close());

type Figures = { id: string; validCards: number | null; percent: number | null; thresholds: { majority: { met: boolean | null; remaining: number | null } } };
type MajorityBody = { units: (Figures & { eligible: number })[]; worksites: Figures[]; disclosure: { totals: string; schools: string } };
type Counts = { 1: number; 2: number; unknown: number; total: number } | null;
type Summary = { total: Counts; units: { counts: Counts }[]; worksites: { worksiteId: string; counts: Counts }[]; disclosure: { totals: string; schools: string } };

const api = (path: string) => `/api/campaigns/${f.campaign.slug}/${path}`;
const get = async (who: keyof typeof agents, path: string) => agents[who].get(api(path));
/** The per-school rows of any of the answers (the dashboard's `worksites` is a count; its rows are `schools`). */
const perSchool = (body: unknown): unknown => {
  const b = body as { schools?: unknown; worksites?: unknown };
  return Array.isArray(b.schools) ? b.schools : b.worksites;
};
const bySchool = (rows: Figures[]) => Object.fromEntries(rows.map((w) => [f.sites.findIndex((s) => s.id === w.id), w.validCards]));

describe('every role × every aggregate endpoint', () => {
  it('majority, today: exact for organizers and admins, cells of 5 for viewers, own schools for committee members', async () => {
    for (const who of ['admin', 'organizer'] as const) {
      const m = (await get(who, 'majority')).json() as MajorityBody;
      expect(m.disclosure).toEqual({ totals: 'exact', schools: 'exact' });
      expect(bySchool(m.worksites)).toEqual({ 0: 7, 1: 4, 2: 17, 3: 10 });
      expect(m.units[0]!.validCards).toBe(38);
    }
    const viewer = (await get('viewer', 'majority')).json() as MajorityBody;
    expect(viewer.disclosure).toEqual({ totals: 'cells-of-5', schools: 'cells-of-5' });
    expect(bySchool(viewer.worksites)).toEqual({ 0: 7, 1: null, 2: null, 3: 10 });
    const hidden = viewer.worksites.find((w) => w.id === school(1).id)!;
    expect(hidden).toMatchObject({ percent: null, thresholds: { majority: { met: null, remaining: null } } });
    expect(viewer.units[0]!.validCards).toBe(38);
    // Sorting by cards does not place a withheld school by its count.
    const sorted = (await get('viewer', 'majority?sort=validCards&order=asc')).json() as MajorityBody;
    expect(sorted.worksites.map((w) => w.validCards)).toEqual([null, null, 7, 10]);

    const committee = (await get('committee', 'majority')).json() as MajorityBody;
    expect(committee.disclosure).toEqual({ totals: 'own-worksites', schools: 'own-worksites' });
    expect(bySchool(committee.worksites)).toEqual({ 0: 7 });
    expect(committee.units[0]).toMatchObject({ eligible: 20, validCards: 7 });
  });

  it('a committee member at a school with a small count gets it withheld', async () => {
    const account = await createMember(t.database.db, f, 'committee', [school(1).id]);
    const agent = t.agent();
    await agent.login(account.email, TEST_PASSWORD);
    const m = (await agent.get(api('majority'))).json() as MajorityBody;
    expect(bySchool(m.worksites)).toEqual({ 1: null });
    expect(m.units[0]).toMatchObject({ eligible: 20, validCards: null });
    const dashboard = (await agent.get(api('dashboard'))).json() as { validCards: number | null; activity: unknown; cardDates: unknown };
    expect(dashboard).toMatchObject({ validCards: null, activity: null, cardDates: null });
  });

  it('dashboard: the same schools withheld as on the majority page; activity and waiting cards by role', async () => {
    type Dash = { validCards: number | null; schools: Figures[]; activity: { last30Days: { cardsSigned: number | null; awaitingReview: number | null; awaitingVerification: number | null } } | null; cardDates: unknown };
    const organizer = (await get('organizer', 'dashboard')).json() as Dash;
    expect(bySchool(organizer.schools)).toEqual({ 0: 7, 1: 4, 2: 17, 3: 10 });
    // The 30 days to June 15 hold no new card (they were signed in early May).
    expect(organizer.activity!.last30Days).toMatchObject({ cardsSigned: 0, awaitingReview: 0, awaitingVerification: 0 });
    expect(organizer.cardDates).toEqual({ first: '2015-05-01', last: '2015-05-15' });
    const viewer = (await get('viewer', 'dashboard')).json() as Dash;
    expect(bySchool(viewer.schools)).toEqual({ 0: 7, 1: null, 2: null, 3: 10 });
    expect(viewer.validCards).toBe(38);
    expect(viewer.activity!.last30Days).toMatchObject({ cardsSigned: 0, awaitingReview: null, awaitingVerification: null });
    expect(viewer.cardDates).toBeNull();
    const committee = (await get('committee', 'dashboard')).json() as Dash;
    expect(bySchool(committee.schools)).toEqual({ 0: 7 });
    expect(committee.activity).toBeNull();
  });

  it('growth: campaign-wide weeks for viewers in cells of 5, none for committee members', async () => {
    const organizer = (await get('organizer', `growth?from=2015-04-27&to=${DAY2}`)).json() as { weeks: { weekEnd: string; supporters: number | null }[] };
    expect(organizer.weeks.map((w) => w.supporters)).toEqual([37, 37, 38, 38]);
    const viewer = (await get('viewer', `growth?from=2015-04-27&to=${DAY2}`)).json() as typeof organizer;
    expect(viewer.weeks.map((w) => w.supporters)).toEqual([37, 37, 38, 38]);
    expect((await get('committee', 'growth')).statusCode).toBe(403);
  });

  it('assessment summary, today: viewers in cells of 5, committee members their own list only', async () => {
    const organizer = (await get('organizer', 'assessments/summary')).json() as Summary;
    const atA = (s: Summary) => s.worksites.find((w) => w.worksiteId === school(0).id)?.counts;
    expect(atA(organizer)).toMatchObject({ 1: 2, 2: 6, unknown: 12, total: 20 });
    const viewer = (await get('viewer', 'assessments/summary')).json() as Summary;
    expect(viewer.disclosure).toEqual({ totals: 'cells-of-5', schools: 'cells-of-5' });
    // Two 1s at A: A's counts are withheld, and so is the campaign's total of 1s (it is those two).
    expect(atA(viewer)).toBeNull();
    expect(viewer.total).toBeNull();
    expect(viewer.worksites.filter((w) => w.counts !== null)).toHaveLength(3);
    const committee = (await get('committee', 'assessments/summary')).json() as Summary;
    expect(committee.disclosure).toEqual({ totals: 'own-list', schools: 'own-list' });
    expect(committee.total).toMatchObject({ 1: 0, 2: 6, total: 6 });
    expect(committee.worksites).toEqual([{ worksiteId: school(0).id, worksiteName: school(0).name, counts: expect.objectContaining({ 1: 0, 2: 6 }) }]);
  });

  it('another day: per-school figures for organizers and admins only; committee members get nothing dated', async () => {
    for (const path of [`majority?asOf=${DAY2}`, `dashboard?asOf=${DAY2}`, `assessments/summary?asOf=${DAY2}`]) {
      expect((await get('organizer', path)).statusCode, path).toBe(200);
      expect((await get('admin', path)).statusCode, path).toBe(200);
      expect((await get('committee', path)).statusCode, path).toBe(403);
      const viewer = await get('viewer', path);
      expect(viewer.statusCode, path).toBe(200);
      const body = viewer.json() as { disclosure: { schools: string } };
      expect(body.disclosure.schools, path).toBe('none');
      expect(perSchool(body), path).toEqual([]);
    }
  });
});

describe('two answers of different days, compared', () => {
  it('tell an organizer what changed at each school, and anyone below organizer nothing about any school', async () => {
    const diff = async (who: keyof typeof agents, path: string) => {
      const [a, b] = await Promise.all([get(who, `${path}asOf=${DAY1}`), get(who, `${path}asOf=${DAY2}`)]);
      return { a, b };
    };
    // The organizer sees B's fourth supporter and A's two new 1s.
    const m = await diff('organizer', 'majority?');
    expect(bySchool((m.a.json() as MajorityBody).worksites)[1]).toBe(3);
    expect(bySchool((m.b.json() as MajorityBody).worksites)[1]).toBe(4);
    const s = await diff('organizer', 'assessments/summary?');
    const ones = (r: typeof s.a) => (r.json() as Summary).worksites.find((w) => w.worksiteId === school(0).id)?.counts?.[1];
    expect([ones(s.a), ones(s.b)]).toEqual([0, 2]);

    for (const path of ['majority?', 'dashboard?', 'assessments/summary?']) {
      // The committee member of the issue: neither day, so no difference to read.
      const c = await diff('committee', path);
      expect([c.a.statusCode, c.b.statusCode], path).toEqual([403, 403]);
      // A viewer: campaign-wide figures only, in cells of 5, and not one school on either day.
      const v = await diff('viewer', path);
      for (const r of [v.a, v.b]) expect(perSchool(r.json()), path).toEqual([]);
    }
    // Campaign-wide, the two days differ by one card; which school it was at is not in either answer.
    const v = await diff('viewer', 'majority?');
    expect([(v.a.json() as MajorityBody).units[0]!.validCards, (v.b.json() as MajorityBody).units[0]!.validCards]).toEqual([37, 38]);
    // The ratings: the campaign's 1s are two people on DAY2, so withheld on both days (0, then null).
    const vs = await diff('viewer', 'assessments/summary?');
    expect([(vs.a.json() as Summary).total?.[1], (vs.b.json() as Summary).total]).toEqual([0, null]);
  });

  it('a committee member’s own figures today do not move when coworkers outside their list are rated', async () => {
    const before = await get('committee', 'assessments/summary');
    const outside = staff(0).slice(16, 18);
    // Written in clear, as before keyed ratings: counted by the legacy link until the next start keys it.
    await t.database.db.insert(assessments).values(outside.map((p) => ({ campaignId: f.campaign.id, legacyPersonId: p.id, level: 1, assessedByName: 'An Organizer', assessedAt: new Date('2015-06-15T18:00:00Z') })));
    const after = await get('committee', 'assessments/summary');
    expect(after.body).toBe(before.body);
  });
});
