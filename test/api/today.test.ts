import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mailMessages } from '../../src/db/schema/index.js';
import { addCardText, insertCard } from '../support/card-fixtures.js';
import { createCampaign, createMember, TEST_PASSWORD, type CampaignFixture } from '../support/factories.js';
import { createTestApp, type Agent, type TestApp } from '../support/test-app.js';

// The dashboard's "what to do today" (issue 12, item 4): charge deadlines coming due, cards about
// to expire, mail held for want of a mail server; and who gets which.
let t: TestApp;
let fixture: CampaignFixture;
let organizer: Agent;
let viewer: Agent;
const today = () => `/api/campaigns/${fixture.campaign.slug}/today`;

type Today = { today: string; chargeDeadlines: { occurredOn: string; deadline: string; daysLeft: number }[] | null; cardsExpiring: number | null; mailHeld: { messages: number; cardConfirmations: number } | null };

beforeAll(async () => {
  t = await createTestApp();
  t.clock.now = new Date('2015-05-31T19:00:00Z');
  fixture = await createCampaign(t.database.db, { sites: 1, perSite: 4 });
  const organizerAccount = await createMember(t.database.db, fixture, 'organizer');
  const viewerAccount = await createMember(t.database.db, fixture, 'viewer');
  organizer = t.agent();
  await organizer.login(organizerAccount.email, TEST_PASSWORD);
  viewer = t.agent();
  await viewer.login(viewerAccount.email, TEST_PASSWORD);
  const base = `/api/campaigns/${fixture.campaign.slug}/conduct`;
  // Six months on: 2014-12-15 is due 2015-06-15 (15 days), 2014-11-20 was due on 20 May, 2015-03-01 is months away.
  for (const occurredOn of ['2014-12-15', '2014-11-20', '2015-03-01']) {
    expect((await organizer.post(`${base}/incidents`, { occurredOn, kind: 'other', title: `Incident of ${occurredOn}` })).statusCode).toBe(201);
  }
  const text = await addCardText(t.database.db, fixture.campaign.id);
  const card = (i: number, signedOn: string, verified = true) =>
    insertCard(t.database.db, { campaignId: fixture.campaign.id, cardTextId: text.id, worksiteId: fixture.people[i]!.worksiteId, personId: fixture.people[i]!.id, signedOn, verified });
  await card(0, '2014-06-20'); // valid until 2015-06-20: expiring
  await card(1, '2014-06-10'); // and a newer card for the same person: not expiring
  await card(1, '2015-05-01');
  await card(2, '2014-09-01'); // valid until September
  await card(3, '2014-06-25', false); // not verified: counts for nothing
  await t.database.db.insert(mailMessages).values([
    { campaignId: fixture.campaign.id, kind: 'card_confirmation', toAddress: 'a@example.org', subject: 'Confirm', textBody: '…', transport: 'outbox' },
    { campaignId: fixture.campaign.id, kind: 'petition_confirmation', toAddress: 'b@example.org', subject: 'Confirm', textBody: '…', transport: 'outbox' },
    { campaignId: fixture.campaign.id, kind: 'card_confirmation', toAddress: 'c@example.org', subject: 'Confirm', textBody: '…', transport: 'smtp', sentAt: new Date() },
  ]);
});
afterAll(async () => t.close());

describe('what to do today', () => {
  it('lists charge deadlines due within 30 days, cards expiring within 30 days, and mail held in the outbox', async () => {
    const res = await organizer.get(today());
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as Today;
    expect(body.today).toBe('2015-05-31');
    expect(body.chargeDeadlines).toEqual([expect.objectContaining({ occurredOn: '2014-12-15', deadline: '2015-06-15', daysLeft: 15 })]);
    expect(body.cardsExpiring).toBe(1);
    expect(body.mailHeld).toEqual({ messages: 2, cardConfirmations: 1 });
  });

  it('gives a viewer none of it: no evidence log, no card work', async () => {
    const body = (await viewer.get(today())).json() as Today;
    expect(body).toMatchObject({ chargeDeadlines: null, cardsExpiring: null, mailHeld: null });
  });
});
