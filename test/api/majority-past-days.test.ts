import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { campaigns, employments } from '../../src/db/schema/index.js';
import type { MajorityPage as Majority } from '../../src/contracts/majority.js';
import { addCardText, insertCard, revokeCard } from '../support/card-fixtures.js';
import { createCampaign, createMember, TEST_PASSWORD } from '../support/factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// A past day's numbers are kept in the process under the counters' version (decision 0045): every
// change that can move them must show at the next read, whichever day is asked for.

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const db = () => t.database.db;

async function setup() {
  const f = await createCampaign(db(), { sites: 1, perSite: 4 });
  const text = await addCardText(db(), f.campaign.id);
  const card = (i: number, signedOn: string) => {
    const p = f.people[i]!;
    return insertCard(db(), { campaignId: f.campaign.id, cardTextId: text.id, worksiteId: p.worksiteId, personId: p.id, signedOn });
  };
  const account = await createMember(db(), f, 'organizer');
  const agent = t.agent();
  await agent.login(account.email, TEST_PASSWORD);
  const on = async (asOf: string) => {
    const res = await agent.get(`/api/campaigns/${f.campaign.slug}/majority?asOf=${asOf}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Majority;
  };
  return { f, card, on };
}

describe('majority on a past day, read again and again', () => {
  it('answers the same figures twice, and new ones as soon as a card, a revocation or the roster changes', async () => {
    const { f, card, on } = await setup();
    const first = await card(0, '2015-03-01');
    expect((await on('2015-06-01')).units[0]).toMatchObject({ eligible: 4, validCards: 1 });
    expect((await on('2015-06-01')).units[0]).toMatchObject({ eligible: 4, validCards: 1 });

    // A paper card signed back then, entered today.
    await card(1, '2015-04-01');
    expect((await on('2015-06-01')).units[0]).toMatchObject({ eligible: 4, validCards: 2 });

    await revokeCard(db(), first, '2015-05-01');
    expect((await on('2015-06-01')).units[0]).toMatchObject({ eligible: 4, validCards: 1 });
    // The day before the revocation still counts the card.
    expect((await on('2015-04-30')).units[0]).toMatchObject({ eligible: 4, validCards: 2 });

    // Someone who had left by then (a roster correction): no longer eligible on that day.
    await db()
      .update(employments)
      .set({ endDate: '2015-05-15' })
      .where(and(eq(employments.personId, f.people[3]!.id), eq(employments.campaignId, f.campaign.id)));
    expect((await on('2015-06-01')).units[0]).toMatchObject({ eligible: 3, validCards: 1 });
    expect((await on('2015-04-30')).units[0]).toMatchObject({ eligible: 4, validCards: 2 });
  });

  it('follows a change of the campaign rules: goal and validity', async () => {
    const { f, card, on } = await setup();
    await card(0, '2015-01-10');
    await card(1, '2015-01-10');
    expect((await on('2015-04-10')).units[0]).toMatchObject({ validCards: 2, percent: 50 });
    await db().update(campaigns).set({ cardValidityMonths: 3 }).where(eq(campaigns.id, f.campaign.id));
    expect((await on('2015-04-10')).units[0]).toMatchObject({ validCards: 0 });
    await db().update(campaigns).set({ cardValidityMonths: 12, goalPercent: 40 }).where(eq(campaigns.id, f.campaign.id));
    const again = await on('2015-04-10');
    expect(again.units[0]).toMatchObject({ validCards: 2, percent: 50 });
    expect(again.goalPercent).toBe(40);
  });
});
