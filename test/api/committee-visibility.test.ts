import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { committeeAssignments } from '../../src/db/schema/index.js';
import { addCardText, insertCard } from '../support/card-fixtures.js';
import { createCampaign, createMember, TEST_PASSWORD, type CampaignFixture } from '../support/factories.js';
import { createTestApp, type Agent, type TestApp } from '../support/test-app.js';

// One rule (maySeePersonalDetail): a committee member reads conversations, ratings and card status
// only for the people on their own list; a coworker at their school who is not on it is a name.
let t: TestApp;
let fixture: CampaignFixture;
let organizer: Agent;
let committee: Agent;
let committeeId: string;
beforeAll(async () => {
  t = await createTestApp();
  t.clock.now = new Date('2015-05-31T12:00:00Z');
  fixture = await createCampaign(t.database.db, { sites: 2, perSite: 3 });
  const organizerAccount = await createMember(t.database.db, fixture, 'organizer');
  const committeeAccount = await createMember(t.database.db, fixture, 'committee');
  committeeId = committeeAccount.id;
  organizer = t.agent();
  await organizer.login(organizerAccount.email, TEST_PASSWORD);
  committee = t.agent();
  await committee.login(committeeAccount.email, TEST_PASSWORD);
  // School 1's committee member organizes its first person only.
  await t.database.db.insert(committeeAssignments).values({ personId: fixture.people[0]!.id, campaignId: fixture.campaign.id, accountId: committeeId });
  const text = await addCardText(t.database.db, fixture.campaign.id);
  for (const person of fixture.people.slice(0, 2)) {
    await insertCard(t.database.db, { campaignId: fixture.campaign.id, cardTextId: text.id, worksiteId: person.worksiteId, personId: person.id, signedOn: '2015-04-01' });
    await organizer.post(`${base()}/people/${person.id}/conversations`, { channel: 'one_on_one', occurredAt: '2015-05-20T17:00:00Z', notes: `Private notes about ${person.familyName}` });
    await organizer.post(`${base()}/people/${person.id}/assessments`, { level: 2, note: 'Leaning yes', assessedAt: '2015-05-20T17:00:00Z' });
  }
});
afterAll(async () => t.close());

const base = () => `/api/campaigns/${fixture.campaign.slug}`;
const onList = () => fixture.people[0]!;
const coworker = () => fixture.people[1]!; // same school, not on the list

type PersonPage = { person: { givenName: string }; assessments: unknown[] | null; conversations: { notes: string }[] | null; tasks: unknown[] | null };
type Chart = { columns: { cells: { personId: string; level: number | null; assessmentHidden: boolean; cardStatus: string }[] }[] };

describe('a committee member’s view of coworkers', () => {
  it('sees conversations, ratings and card status for the people on their list', async () => {
    const page = await committee.get(`${base()}/people/${onList().id}`);
    expect(page.statusCode).toBe(200);
    const body = page.json() as PersonPage;
    expect(body.conversations?.[0]?.notes).toContain(onList().familyName);
    expect(body.assessments).toHaveLength(1);
    expect(body.tasks).not.toBeNull();
    expect((await committee.get(`${base()}/people/${onList().id}/conversations`)).statusCode).toBe(200);
    expect((await committee.get(`${base()}/people/${onList().id}/assessments`)).statusCode).toBe(200);
    const chart = (await committee.get(`${base()}/wall-chart`)).json() as Chart;
    const cell = chart.columns[0]!.cells.find((c) => c.personId === onList().id)!;
    expect(cell).toMatchObject({ level: 2, assessmentHidden: false, cardStatus: 'signed' });
  });

  it('sees only the name and school of a coworker who is not on their list', async () => {
    const page = await committee.get(`${base()}/people/${coworker().id}`);
    expect(page.statusCode).toBe(200);
    const body = page.json() as PersonPage;
    expect(body.person.givenName).toBe(coworker().givenName);
    expect(body).toMatchObject({ assessments: null, conversations: null, tasks: null });
    expect(page.body).not.toContain('Private notes');

    const conversations = await committee.get(`${base()}/people/${coworker().id}/conversations`);
    expect(conversations.statusCode).toBe(403);
    expect(conversations.body).not.toContain('Private notes');
    expect((await committee.get(`${base()}/people/${coworker().id}/assessments`)).statusCode).toBe(403);

    const chart = (await committee.get(`${base()}/wall-chart`)).json() as Chart;
    const cell = chart.columns[0]!.cells.find((c) => c.personId === coworker().id)!;
    expect(cell).toMatchObject({ level: null, assessmentHidden: true, cardStatus: 'none' });
    const assessments = (await committee.get(`${base()}/assessments`)).json() as { people: { personId: string }[] };
    expect(assessments.people.map((p) => p.personId)).toEqual([onList().id]);
  });

  it('still logs a conversation with a coworker, without reading the history', async () => {
    const logged = await committee.post(`${base()}/people/${coworker().id}/conversations`, { channel: 'call', notes: 'Talked at lunch.' });
    expect(logged.statusCode).toBe(201);
    expect((await committee.get(`${base()}/people/${coworker().id}/conversations`)).statusCode).toBe(403);
  });

  it('people at another school stay out of reach', async () => {
    const elsewhere = fixture.people[3]!;
    expect((await committee.get(`${base()}/people/${elsewhere.id}`)).statusCode).toBe(404);
    expect((await committee.get(`${base()}/people/${elsewhere.id}/conversations`)).statusCode).toBe(404);
  });

  it('organizers see everything, as before', async () => {
    const body = (await organizer.get(`${base()}/people/${coworker().id}`)).json() as PersonPage;
    expect(body.conversations?.map((c) => c.notes)).toContain(`Private notes about ${coworker().familyName}`);
    expect(body.assessments).toHaveLength(1);
    const chart = (await organizer.get(`${base()}/wall-chart`)).json() as Chart;
    expect(chart.columns[0]!.cells.find((c) => c.personId === coworker().id)).toMatchObject({ level: 2, cardStatus: 'signed' });
  });
});
