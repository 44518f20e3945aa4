import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, cardRevocations, committeeAssignments, employments, people } from '../../src/db/schema/index.js';
import { addCardText, insertCard } from '../support/card-fixtures.js';
import { createCampaign, createMember, TEST_PASSWORD, type CampaignFixture } from '../support/factories.js';
import { createTestApp, type Agent, type TestApp } from '../support/test-app.js';

// The people list (issue 12): every filter and sort at the API, keyset pages that add up to the
// whole list in every order, and a committee member's narrower view.
let t: TestApp;
let fixture: CampaignFixture;
let organizer: Agent;
let committee: Agent;
let committeeId: string;

type Row = { personId: string; familyName: string; worksiteName: string; unitName: string | null; level: number | null; card: string | null; lastContactAt: string | null; assigneeName: string | null; assigneeAccountId: string | null; detailHidden: boolean };
type Page = { asOf: string; people: Row[]; next: string | null };

const base = () => `/api/campaigns/${fixture.campaign.slug}/people/list`;
const person = (i: number) => fixture.people[i]!;

beforeAll(async () => {
  t = await createTestApp();
  t.clock.now = new Date('2015-05-31T19:00:00Z');
  const db = () => t.database.db;
  fixture = await createCampaign(db(), { sites: 2, perSite: 4 });
  const organizerAccount = await createMember(db(), fixture, 'organizer');
  const committeeAccount = await createMember(db(), fixture, 'committee');
  committeeId = committeeAccount.id;
  organizer = t.agent();
  await organizer.login(organizerAccount.email, TEST_PASSWORD);
  committee = t.agent();
  await committee.login(committeeAccount.email, TEST_PASSWORD);

  // People 0–3 at School 1, 4–7 at School 2. Person 0 has an accented name; person 7 is outside the unit.
  await db().update(people).set({ familyName: 'Núñez' }).where(eq(people.id, person(0).id));
  await db().update(employments).set({ unitId: null }).where(eq(employments.personId, person(7).id));
  await db().insert(committeeAssignments).values([0, 1].map((i) => ({ personId: person(i).id, campaignId: fixture.campaign.id, accountId: committeeId })));

  const text = await addCardText(db(), fixture.campaign.id);
  const card = (i: number, signedOn: string, verified = true) => insertCard(db(), { campaignId: fixture.campaign.id, cardTextId: text.id, worksiteId: person(i).worksiteId, personId: person(i).id, signedOn, verified });
  await card(0, '2015-04-01'); // signed
  await card(1, '2015-04-02', false); // waiting for verification
  await card(2, '2014-03-01'); // expired after 12 months
  const revoked = await card(3, '2015-01-10');
  await db().insert(cardRevocations).values({ cardId: revoked.id, campaignId: fixture.campaign.id, effectiveOn: '2015-05-01', reason: 'Asked to withdraw' });

  const rate = (i: number, level: number) => organizer.post(`/api/campaigns/${fixture.campaign.slug}/people/${person(i).id}/assessments`, { level, note: '', assessedAt: '2015-05-20T17:00:00Z' });
  await rate(0, 1);
  await rate(4, 2);
  await rate(1, 3);
  await rate(3, 5);
  const talk = (i: number, occurredAt: string) => organizer.post(`/api/campaigns/${fixture.campaign.slug}/people/${person(i).id}/conversations`, { channel: 'one_on_one', occurredAt, notes: 'Talked.' });
  expect((await talk(0, '2015-05-20T17:00:00Z')).statusCode).toBe(201);
  expect((await talk(4, '2015-03-01T17:00:00Z')).statusCode).toBe(201);
});
afterAll(async () => t.close());

async function list(agent: Agent, query: Record<string, string> = {}): Promise<Page> {
  const response = await agent.get(`${base()}?${new URLSearchParams(query).toString()}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as Page;
}

const ids = (page: Page) => page.people.map((p) => fixture.people.findIndex((f) => f.id === p.personId));

describe('the people list', () => {
  it('shows school, unit, rating, card status, last contact and committee member per person', async () => {
    const page = await list(organizer);
    expect(page.asOf).toBe('2015-05-31');
    expect(page.next).toBeNull();
    expect(page.people).toHaveLength(8);
    const nunez = page.people.find((p) => p.personId === person(0).id);
    expect(nunez).toMatchObject({ familyName: 'Núñez', worksiteName: 'School 1', unitName: 'Certificated', level: 1, card: 'signed', lastContactAt: '2015-05-20T17:00:00.000Z', assigneeAccountId: committeeId, detailHidden: false });
    expect(nunez?.assigneeName).toEqual(expect.any(String));
    expect(page.people.find((p) => p.personId === person(7).id)).toMatchObject({ unitName: null, level: null, card: 'none', lastContactAt: null, assigneeName: null });
  });

  it('writes who viewed it to the audit log', async () => {
    await list(organizer, { rating: '1' });
    const [row] = await t.database.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'people.list_viewed'), eq(auditEvents.campaignId, fixture.campaign.id))).orderBy(desc(auditEvents.id)).limit(1);
    expect(row?.details).toMatchObject({ count: 1, sort: 'name', filters: { rating: '1' } });
  });

  it('searches by name without minding accents or case', async () => {
    expect(ids(await list(organizer, { search: 'nunez' }))).toEqual([0]);
    expect(ids(await list(organizer, { search: 'NÚÑ' }))).toEqual([0]);
    expect(ids(await list(organizer, { search: 'given0' }))).toEqual([1, 2, 3, 0]);
    expect(ids(await list(organizer, { search: 'nobody' }))).toEqual([]);
  });

  it('filters by school, unit and committee member', async () => {
    expect(ids(await list(organizer, { worksiteId: fixture.sites[1]!.id }))).toEqual([4, 5, 6, 7]);
    expect(ids(await list(organizer, { unitId: fixture.unit.id })).sort()).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(ids(await list(organizer, { unitId: 'none' }))).toEqual([7]);
    expect(ids(await list(organizer, { assigneeAccountId: committeeId }))).toEqual([1, 0]);
    expect(ids(await list(organizer, { assigneeAccountId: 'none' }))).toEqual([2, 3, 4, 5, 6, 7]);
  });

  it('filters by support rating, through the keyed links', async () => {
    expect(ids(await list(organizer, { rating: '1' }))).toEqual([0]);
    expect(ids(await list(organizer, { rating: '2' }))).toEqual([4]);
    expect(ids(await list(organizer, { rating: '4' }))).toEqual([]);
    expect(ids(await list(organizer, { rating: 'unknown' }))).toEqual([2, 5, 6, 7]);
  });

  it('filters by card status, through the keyed links', async () => {
    expect(ids(await list(organizer, { card: 'signed' }))).toEqual([0]);
    expect(ids(await list(organizer, { card: 'waiting' }))).toEqual([1]);
    expect(ids(await list(organizer, { card: 'expired' }))).toEqual([2]);
    expect(ids(await list(organizer, { card: 'revoked' }))).toEqual([3]);
    expect(ids(await list(organizer, { card: 'none' }))).toEqual([4, 5, 6, 7]);
    expect(ids(await list(organizer, { card: 'none', rating: '2' }))).toEqual([4]);
    expect(ids(await list(organizer, { card: 'signed', rating: 'unknown' }))).toEqual([]);
  });

  it('filters by last contact', async () => {
    expect(ids(await list(organizer, { lastContact: 'within_30_days' }))).toEqual([0]);
    expect(ids(await list(organizer, { lastContact: 'over_30_days' }))).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(ids(await list(organizer, { lastContact: 'never' }))).toEqual([1, 2, 3, 5, 6, 7]);
  });

  const orders: Record<string, number[]> = {
    name: [1, 2, 3, 4, 5, 6, 7, 0],
    school: [1, 2, 3, 0, 4, 5, 6, 7],
    unit: [7, 1, 2, 3, 4, 5, 6, 0], // outside the unit first
    rating: [0, 4, 1, 3, 2, 5, 6, 7], // 1, 2, 3, 5, then unrated
    card: [0, 1, 3, 2, 4, 5, 6, 7], // signed, waiting, revoked, expired, none
    last_contact: [1, 2, 3, 5, 6, 7, 4, 0], // never, then longest ago
    assignee: [2, 3, 4, 5, 6, 7, 1, 0], // unassigned first
  };

  for (const [sort, expected] of Object.entries(orders)) {
    it(`sorts by ${sort}, and its pages of 3 add up to the same order`, async () => {
      expect(ids(await list(organizer, { sort }))).toEqual(expected);
      const seen: number[] = [];
      let after: string | null = null;
      let pages = 0;
      do {
        const page: Page = await list(organizer, { sort, limit: '3', ...(after ? { after } : {}) });
        expect(page.people.length).toBeLessThanOrEqual(3);
        seen.push(...ids(page));
        after = page.next;
        pages++;
      } while (after !== null && pages < 10);
      expect(seen).toEqual(expected);
      expect(pages).toBe(3);
    });
  }

  it('refuses a page position it did not give out, naming the field', async () => {
    const response = await organizer.get(`${base()}?after=bm90LWEtY3Vyc29y`);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: { code: 'validation_failed', fields: [{ field: 'after' }] } });
    const badSort = await organizer.get(`${base()}?sort=salary`);
    expect(badSort.statusCode).toBe(400);
  });
});

describe('a committee member’s people list', () => {
  it('lists their schools only, with personal detail only for their own list', async () => {
    const page = await list(committee);
    expect(ids(page)).toEqual([1, 2, 3, 0]);
    expect(page.people.find((p) => p.personId === person(0).id)).toMatchObject({ level: 1, card: 'signed', detailHidden: false });
    expect(page.people.find((p) => p.personId === person(3).id)).toMatchObject({ level: null, card: null, lastContactAt: null, detailHidden: true });
  });

  it('filters and sorts by personal detail within their own list only, so the order tells nothing', async () => {
    expect(ids(await list(committee, { rating: '5' }))).toEqual([]);
    expect(ids(await list(committee, { card: 'revoked' }))).toEqual([]);
    expect(ids(await list(committee, { card: 'waiting' }))).toEqual([1]);
    expect(ids(await list(committee, { sort: 'card' }))).toEqual([0, 1]);
    expect(ids(await list(committee, { sort: 'school' }))).toEqual([1, 2, 3, 0]);
  });
});
