import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCardText, insertCard } from '../support/card-fixtures.js';
import { createCampaign, createMember, TEST_PASSWORD, type CampaignFixture } from '../support/factories.js';
import { createTestApp, type Agent, type TestApp } from '../support/test-app.js';

// Issue 12, item 5: after a roster import moved card signers, the dashboard said 23 schools with
// supporters and the growth chart 22 for the same day. One definition now: a school where a
// supporter works in a unit on that day (not the school written on their card).
let t: TestApp;
let fixture: CampaignFixture;
let organizer: Agent;

beforeAll(async () => {
  t = await createTestApp();
  t.clock.now = new Date('2015-05-31T19:00:00Z');
  fixture = await createCampaign(t.database.db, { sites: 3, perSite: 2 });
  const account = await createMember(t.database.db, fixture, 'organizer');
  organizer = t.agent();
  await organizer.login(account.email, TEST_PASSWORD);
  const text = await addCardText(t.database.db, fixture.campaign.id);
  // Supporters at School 1 and School 2 sign in April; School 1's then moves to School 2 in May.
  for (const person of [fixture.people[0]!, fixture.people[2]!]) {
    await insertCard(t.database.db, { campaignId: fixture.campaign.id, cardTextId: text.id, worksiteId: person.worksiteId, personId: person.id, signedOn: '2015-04-15' });
  }
  const moved = await organizer.post(`/api/campaigns/${fixture.campaign.slug}/people/${fixture.people[0]!.id}/employment-changes`, {
    kind: 'change',
    effectiveDate: '2015-05-10',
    worksiteId: fixture.sites[1]!.id,
    unitId: fixture.unit.id,
    jobTitle: 'Teacher',
  });
  expect(moved.statusCode, moved.body).toBe(200);
});
afterAll(async () => t.close());

type Growth = { weeks: { weekStart: string; weekEnd: string; supporters: number; schools: number }[] };

describe('schools with supporters', () => {
  it('is the same number on the dashboard and on the growth chart for the same day, after a move', async () => {
    const dashboard = (await organizer.get(`/api/campaigns/${fixture.campaign.slug}/dashboard`)).json() as { asOf: string; schoolsWithSupporters: number };
    expect(dashboard.asOf).toBe('2015-05-31');
    expect(dashboard.schoolsWithSupporters).toBe(1);
    const growth = (await organizer.get(`/api/campaigns/${fixture.campaign.slug}/growth?from=2015-04-13&to=2015-05-31`)).json() as Growth;
    const last = growth.weeks.at(-1);
    expect(last).toMatchObject({ weekEnd: '2015-05-31', supporters: 2, schools: 1 });
    // Before the move the two supporters worked at two schools.
    expect(growth.weeks.find((w) => w.weekEnd === '2015-05-03')).toMatchObject({ supporters: 2, schools: 2 });
  });
});
