import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { campaigns, cardConfirmations, cardRevocations, cards, cardVerifications, employments, mailMessages, people, worksites } from '../../src/db/schema/index.js';
import { createRandom } from '../../src/demo/demo-random.js';
import { addDays } from '../../src/domain/calendar.js';
import { tallySupport } from '../../src/domain/majority/tally-support.js';
import type { MajorityPage as Majority } from '../../src/contracts/majority.js';
import { addCardText, answerByLink, answerInDb, confirmationPathFrom, insertCard, revokeCard, signByForm } from '../support/card-fixtures.js';
import { createAccount, createCampaign, createMember, TEST_PASSWORD, type CampaignFixture } from '../support/factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { linkedPerson } from '../support/keyrings.js';
import { openMail } from '../support/opened-rows.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const db = () => t.database.db;

async function setup(sites = 2, perSite = 4) {
  const f = await createCampaign(db(), { sites, perSite });
  const text = await addCardText(db(), f.campaign.id);
  const card = (personIndex: number, signedOn: string) => {
    const p = f.people[personIndex]!;
    return insertCard(db(), { campaignId: f.campaign.id, cardTextId: text.id, worksiteId: p.worksiteId, personId: p.id, signedOn });
  };
  return { f, text, card };
}

async function organizer(f: CampaignFixture, role: 'admin' | 'organizer' | 'committee' | 'viewer' = 'organizer') {
  const account = await createMember(db(), f, role);
  const agent = t.agent();
  await agent.login(account.email, TEST_PASSWORD);
  return agent;
}

// Signing in hashes a password (slow on purpose): one organizer session per campaign.
const sessions = new Map<string, Promise<Awaited<ReturnType<typeof organizer>>>>();
async function majority(f: CampaignFixture, asOf?: string): Promise<Majority> {
  if (!sessions.has(f.campaign.id)) sessions.set(f.campaign.id, organizer(f));
  const agent = await sessions.get(f.campaign.id)!;
  const res = await agent.get(`/api/campaigns/${f.campaign.slug}/majority${asOf ? `?asOf=${asOf}` : ''}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Majority;
}

/** The same numbers computed by the pure domain function from the raw rows. */
async function expected(f: CampaignFixture, asOf: string) {
  const emp = await db().select().from(employments).where(eq(employments.campaignId, f.campaign.id));
  const rows = await db()
    .select()
    .from(cards)
    .leftJoin(cardRevocations, eq(cardRevocations.cardId, cards.id))
    .leftJoin(cardVerifications, eq(cardVerifications.cardId, cards.id))
    .leftJoin(cardConfirmations, eq(cardConfirmations.cardId, cards.id))
    .where(eq(cards.campaignId, f.campaign.id));
  const [campaign] = await db().select().from(campaigns).where(eq(campaigns.id, f.campaign.id));
  const personIds = new Map<string, string | null>();
  for (const r of rows) personIds.set(r.cards.id, await linkedPerson(db(), r.cards));
  return tallySupport({
    employments: emp,
    cards: rows.map((r) => ({
      id: r.cards.id,
      personId: personIds.get(r.cards.id) ?? null,
      signedOn: r.cards.signedOn,
      revokedOn: r.card_revocations?.effectiveOn ?? null,
      verified: r.card_verifications !== null && r.card_confirmations?.answer !== 'not_signed',
    })),
    asOf,
    validityMonths: campaign!.cardValidityMonths,
  });
}

const asTallies = (m: Majority) =>
  m.worksites.map((w) => ({ unitId: w.unitId, worksiteId: w.id, eligible: w.eligible, validCards: w.validCards })).sort((a, b) => (a.unitId + a.worksiteId).localeCompare(b.unitId + b.worksiteId));

describe('GET /api/campaigns/:slug/majority', () => {
  it('gives eligible, valid cards, percent and the three thresholds per worksite and unit', async () => {
    const { f, card } = await setup(2, 4);
    await card(0, '2015-04-01');
    await card(1, '2015-04-02');
    await card(2, '2015-04-03');
    const m = await majority(f, '2015-06-15');
    expect(m).toMatchObject({ asOf: '2015-06-15', source: 'computed', goalPercent: 65 });
    const school1 = m.worksites.find((w) => w.id === f.sites[0]!.id)!;
    expect(school1).toMatchObject({ name: 'School 1', eligible: 4, validCards: 3, percent: 75 });
    expect(school1.thresholds).toEqual({
      showingOfInterest: { needed: 2, met: true, remaining: 0 },
      majority: { needed: 3, met: true, remaining: 0 },
      goal: { needed: 3, met: true, remaining: 0 },
    });
    expect(m.units).toHaveLength(1);
    expect(m.units[0]).toMatchObject({ id: f.unit.id, eligible: 8, validCards: 3, percent: 37.5 });
    expect(m.units[0]!.thresholds.majority).toEqual({ needed: 5, met: false, remaining: 2 });
    expect(m.units[0]!.thresholds.goal).toEqual({ needed: 6, met: false, remaining: 3 });
  });

  it('counts a card from the day it is signed until one year later', async () => {
    const { f, card } = await setup(1, 2);
    await card(0, '2015-04-24');
    const on = async (d: string) => (await majority(f, d)).units[0]!.validCards;
    expect(await on('2015-04-23')).toBe(0);
    expect(await on('2015-04-24')).toBe(1);
    expect(await on('2016-04-23')).toBe(1);
    expect(await on('2016-04-24')).toBe(0);
  });

  it('honours the campaign validity period', async () => {
    const { f, card } = await setup(1, 2);
    await card(0, '2015-01-10');
    await db().update(campaigns).set({ cardValidityMonths: 3 }).where(eq(campaigns.id, f.campaign.id));
    expect((await majority(f, '2015-04-09')).units[0]!.validCards).toBe(1);
    expect((await majority(f, '2015-04-10')).units[0]!.validCards).toBe(0);
  });

  it('counts duplicate cards of one person once', async () => {
    const { f, card } = await setup(1, 3);
    await card(0, '2015-03-01');
    await card(0, '2015-04-01');
    await card(0, '2015-05-01');
    const m = await majority(f, '2015-06-01');
    expect(m.units[0]).toMatchObject({ eligible: 3, validCards: 1 });
  });

  it('does not count a card revoked by the date', async () => {
    const { f, card } = await setup(1, 3);
    const c = await card(0, '2015-03-01');
    await revokeCard(db(), c, '2015-05-10');
    expect((await majority(f, '2015-05-09')).units[0]!.validCards).toBe(1);
    expect((await majority(f, '2015-05-10')).units[0]!.validCards).toBe(0);
  });

  it('leaves out people not in the unit on the date: left, not yet started, or outside the unit', async () => {
    const { f, card } = await setup(1, 4);
    const [p0, p1, p2] = f.people;
    await db().update(employments).set({ endDate: '2015-05-31' }).where(eq(employments.personId, p0!.id));
    await db().update(employments).set({ startDate: '2015-07-01' }).where(eq(employments.personId, p1!.id));
    await db().update(employments).set({ unitId: null }).where(eq(employments.personId, p2!.id));
    await card(0, '2015-04-01');
    await card(1, '2015-04-01');
    await card(2, '2015-04-01');
    await card(3, '2015-04-01');
    expect((await majority(f, '2015-05-31')).units[0]).toMatchObject({ eligible: 2, validCards: 2 });
    expect((await majority(f, '2015-06-15')).units[0]).toMatchObject({ eligible: 1, validCards: 1 });
    expect((await majority(f, '2015-07-01')).units[0]).toMatchObject({ eligible: 2, validCards: 2 });
  });

  it('ignores cards that match no one', async () => {
    const { f, text } = await setup(1, 2);
    await insertCard(db(), { campaignId: f.campaign.id, cardTextId: text.id, worksiteId: f.sites[0]!.id, personId: null, signedOn: '2015-04-01' });
    expect((await majority(f, '2015-06-01')).units[0]!.validCards).toBe(0);
  });

  it("keeps today's counters current through signing, revoking and roster changes", async () => {
    t.clock.now = new Date('2015-06-15T19:00:00Z'); // June 15 in Los Angeles
    const { f, text } = await setup(2, 3);
    const today = '2015-06-15';
    const check = async () => {
      const m = await majority(f);
      expect(m.source).toBe('counters');
      expect(m.asOf).toBe(today);
      expect(asTallies(m)).toEqual(await expected(f, today));
      const computed = await t.services.repositories.support.asOf(f.campaign.id, today, 12);
      expect(asTallies(m)).toEqual(computed.sort((a, b) => (a.unitId + a.worksiteId).localeCompare(b.unitId + b.worksiteId)));
      return m;
    };
    expect((await check()).units[0]).toMatchObject({ eligible: 6, validCards: 0 });

    // Sign on the public page: matched by name + school, but only submitted: nothing moves.
    const p = f.people[0]!;
    const signed = await signByForm(t.agent(), `/c/${f.campaign.slug}/card`, { legal_name: `${p.givenName} ${p.familyName}`, email: 'p0@mail.example', phone: '5550102030', worksite_id: p.worksiteId, job_title: 'Teacher' });
    expect(signed.statusCode).toBe(200);
    expect((await check()).units[0]).toMatchObject({ eligible: 6, validCards: 0 });
    // The signer confirms from a new address (not on file): confirmed, still not counted.
    const [c] = await db().select().from(cards).where(eq(cards.campaignId, f.campaign.id));
    const [mail] = await openMail(t.services, await db().select().from(mailMessages).where(eq(mailMessages.id, c!.confirmationMailId!)));
    expect((await answerByLink(t.agent(), confirmationPathFrom(mail!.textBody))).statusCode).toBe(200);
    expect((await check()).units[0]).toMatchObject({ eligible: 6, validCards: 0 });
    // An organizer verifies it in person: now it counts.
    const agent = await organizer(f);
    expect((await agent.post(`/api/campaigns/${f.campaign.slug}/cards/${c!.id}/verification`, { method: 'in_person' })).statusCode).toBe(200);
    expect((await check()).units[0]).toMatchObject({ eligible: 6, validCards: 1 });

    // Revoke through the API.
    expect((await agent.post(`/api/campaigns/${f.campaign.slug}/cards/${c!.id}/revoke`, { reason: 'withdrew' })).statusCode).toBe(201);
    expect((await check()).units[0]).toMatchObject({ validCards: 0 });

    // A new hire, a card for them, someone leaving, someone moving school.
    const [hire] = await db().insert(people).values({ campaignId: f.campaign.id, givenName: 'New', familyName: 'Hire' }).returning();
    await db().insert(employments).values({ personId: hire!.id, campaignId: f.campaign.id, worksiteId: f.sites[1]!.id, unitId: f.unit.id, jobTitle: 'Teacher', startDate: '2015-06-01' });
    await insertCard(db(), { campaignId: f.campaign.id, cardTextId: text.id, worksiteId: f.sites[1]!.id, personId: hire!.id, signedOn: '2015-06-10' });
    expect((await check()).units[0]).toMatchObject({ eligible: 7, validCards: 1 });
    await db().update(employments).set({ endDate: '2015-06-14' }).where(eq(employments.personId, f.people[1]!.id));
    await insertCard(db(), { campaignId: f.campaign.id, cardTextId: text.id, worksiteId: f.sites[0]!.id, personId: f.people[2]!.id, signedOn: '2015-06-01' });
    await db().insert(employments).values({ personId: f.people[2]!.id, campaignId: f.campaign.id, worksiteId: f.sites[1]!.id, unitId: f.unit.id, jobTitle: 'Teacher', startDate: '2015-06-12' });
    const m = await check();
    expect(m.worksites.find((w) => w.id === f.sites[0]!.id)).toMatchObject({ eligible: 1, validCards: 0 });
    expect(m.worksites.find((w) => w.id === f.sites[1]!.id)).toMatchObject({ eligible: 5, validCards: 2 });

    // A person deleted from the roster takes their employments (and their count) along.
    await db().delete(people).where(eq(people.id, hire!.id));
    expect((await check()).units[0]).toMatchObject({ eligible: 5, validCards: 1 });

    // The next day everything is recounted (cards expire, employments end as dates pass).
    t.clock.now = new Date('2016-06-02T19:00:00Z');
    sessions.delete(f.campaign.id); // a year later, the session has long expired
    const later = await majority(f);
    expect(later.asOf).toBe('2016-06-02');
    expect(asTallies(later)).toEqual(await expected(f, '2016-06-02'));
    expect(later.units[0]!.validCards).toBe(0);
  });

  it('agrees with the pure tally on random rosters and cards, on many dates', async () => {
    const random = createRandom(42);
    const { f, text } = await setup(4, 0);
    const persons: string[] = [];
    for (let i = 0; i < 60; i++) {
      const [p] = await db().insert(people).values({ campaignId: f.campaign.id, givenName: `R${i}`, familyName: 'Random' }).returning();
      persons.push(p!.id);
      const jobs = random.int(1, 2);
      for (let j = 0; j < jobs; j++) {
        const start = addDays('2014-08-01', random.int(0, 400));
        await db().insert(employments).values({
          personId: p!.id,
          campaignId: f.campaign.id,
          worksiteId: random.pick(f.sites).id,
          unitId: random.next() < 0.9 ? f.unit.id : null,
          jobTitle: 'Teacher',
          startDate: start,
          endDate: random.next() < 0.3 ? addDays(start, random.int(10, 300)) : null,
        });
      }
    }
    for (let i = 0; i < 80; i++) {
      // Some matched cards wait for verification; some verified ones were disputed by their signer.
      const verified = random.next() < 0.8;
      const c = await insertCard(db(), { campaignId: f.campaign.id, cardTextId: text.id, worksiteId: random.pick(f.sites).id, personId: random.next() < 0.95 ? random.pick(persons) : null, signedOn: addDays('2014-09-01', random.int(0, 500)), verified });
      if (random.next() < 0.1) await revokeCard(db(), c, addDays(c.signedOn, random.int(0, 90)));
      if (random.next() < 0.05) await answerInDb(db(), c, 'not_signed');
    }
    for (const asOf of ['2014-10-01', '2015-02-14', '2015-06-15', '2015-09-30', '2016-03-01']) {
      const m = await majority(f, asOf);
      expect(asTallies(m), asOf).toEqual(await expected(f, asOf));
    }
  });

  it('pages and sorts the worksites, and a renamed school shows at once despite the cache', async () => {
    t.clock.now = new Date('2015-06-15T19:00:00Z');
    const { f, card } = await setup(3, 4);
    await card(4, '2015-06-01');
    await card(5, '2015-06-01');
    await card(8, '2015-06-01');
    // Exact figures: an organizer's (viewers get small counts withheld, see aggregates.test.ts).
    const agent = await organizer(f, 'organizer');
    const base = `/api/campaigns/${f.campaign.slug}/majority`;
    const page = (await agent.get(`${base}?limit=2`)).json() as Majority & { worksitesTotal: number };
    expect(page.source).toBe('counters');
    expect(page.worksites.map((w) => w.name)).toEqual(['School 1', 'School 2']);
    expect(page.worksitesTotal).toBe(3);
    expect(page.units[0]!.validCards).toBe(3);
    const byPercent = (await agent.get(`${base}?sort=percent&order=desc&offset=0&limit=10`)).json() as Majority;
    expect(byPercent.worksites.map((w) => [w.name, w.validCards])).toEqual([['School 2', 2], ['School 3', 1], ['School 1', 0]]);
    await db().update(worksites).set({ name: 'Renamed School' }).where(eq(worksites.id, f.sites[0]!.id));
    const renamed = (await agent.get(`${base}?limit=2`)).json() as Majority;
    expect(renamed.worksites.map((w) => w.name)).toEqual(['Renamed School', 'School 2']);
    const dash = (await agent.get(`/api/campaigns/${f.campaign.slug}/dashboard?sort=validCards&order=desc&limit=1`)).json() as { schools: { name: string }[]; schoolsTotal: number };
    expect(dash.schools.map((s) => s.name)).toEqual(['School 2']);
    expect(dash.schoolsTotal).toBe(3);
  });

  it('is open to every role of the campaign (aggregates, as the aggregate policy gives them) and to no one else', async () => {
    const { f } = await setup(1, 1);
    for (const role of ['admin', 'organizer', 'committee', 'viewer'] as const) {
      const agent = await organizer(f, role);
      expect((await agent.get(`/api/campaigns/${f.campaign.slug}/majority`)).statusCode, role).toBe(200);
      expect((await agent.get(`/api/campaigns/${f.campaign.slug}/dashboard`)).statusCode, role).toBe(200);
      // Another day's figures and growth: not for committee members (their schools' figures day by day).
      const dated = role === 'committee' ? 403 : 200;
      expect((await agent.get(`/api/campaigns/${f.campaign.slug}/majority?asOf=2015-05-15`)).statusCode, role).toBe(dated);
      expect((await agent.get(`/api/campaigns/${f.campaign.slug}/dashboard?asOf=2015-05-15`)).statusCode, role).toBe(dated);
      expect((await agent.get(`/api/campaigns/${f.campaign.slug}/growth?from=2015-01-01&to=2015-06-15`)).statusCode, role).toBe(dated);
    }
    const outsider = await createAccount(db());
    const agent = t.agent();
    await agent.login(outsider.email, TEST_PASSWORD);
    expect((await agent.get(`/api/campaigns/${f.campaign.slug}/majority`)).statusCode).toBe(404);
    expect((await t.agent().get(`/api/campaigns/${f.campaign.slug}/majority`)).statusCode).toBe(401);
    const member = await organizer(f, 'viewer');
    const bad = await member.get(`/api/campaigns/${f.campaign.slug}/majority?asOf=2015-02-30`);
    expect(bad.statusCode).toBe(400);
    expect((bad.json() as { error: { fields: { field: string }[] } }).error.fields[0]!.field).toBe('querystring.asOf');
  });
});

describe('dashboard and growth', () => {
  it('gives a thermometer per unit, a row per school, activity counts and weekly growth', async () => {
    const { f, card } = await setup(3, 4);
    await card(0, '2015-04-20');
    await card(1, '2015-04-21');
    await card(4, '2015-05-05');
    const c = await card(8, '2015-05-06');
    await revokeCard(db(), c, '2015-05-20');
    const agent = await organizer(f, 'organizer');
    const dash = (await agent.get(`/api/campaigns/${f.campaign.slug}/dashboard?asOf=2015-05-10`)).json() as {
      eligible: number;
      validCards: number;
      worksites: number;
      schoolsWithSupporters: number;
      units: { eligible: number; thresholds: { majority: { needed: number } } }[];
      schools: { name: string; eligible: number; validCards: number; percent: number }[];
      activity: { last7Days: { cardsSigned: number; schools: number }; last30Days: { cardsSigned: number } };
    };
    expect(dash).toMatchObject({ eligible: 12, validCards: 4, worksites: 3, schoolsWithSupporters: 3 });
    expect(dash.units[0]!.thresholds.majority.needed).toBe(7);
    expect(dash.schools.map((s) => [s.name, s.validCards, s.percent])).toEqual([
      ['School 1', 2, 50],
      ['School 2', 1, 25],
      ['School 3', 1, 25],
    ]);
    expect(dash.activity.last7Days).toMatchObject({ cardsSigned: 2, schools: 2 });
    expect(dash.activity.last30Days.cardsSigned).toBe(4);
    // Aggregates only: no names anywhere in the dashboard.
    expect(JSON.stringify(dash)).not.toContain(f.people[0]!.familyName);

    const growth = (await agent.get(`/api/campaigns/${f.campaign.slug}/growth?to=2015-05-31`)).json() as { from: string; weeks: { weekStart: string; weekEnd: string; supporters: number; schools: number }[] };
    expect(growth.from).toBe('2015-04-20');
    expect(growth.weeks.map((w) => [w.weekStart, w.weekEnd, w.supporters, w.schools])).toEqual([
      ['2015-04-20', '2015-04-26', 2, 1],
      ['2015-04-27', '2015-05-03', 2, 1],
      ['2015-05-04', '2015-05-10', 4, 3],
      ['2015-05-11', '2015-05-17', 4, 3],
      ['2015-05-18', '2015-05-24', 3, 2],
      ['2015-05-25', '2015-05-31', 3, 2],
    ]);
  });
});
