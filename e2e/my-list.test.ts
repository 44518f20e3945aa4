import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { committeeAssignments, conversations, people } from '../src/db/schema/index.js';
import { createCampaign, createMember, TEST_PASSWORD, type CampaignFixture } from '../test/support/factories.js';
import { signIn, startBrowserApp, type BrowserApp } from './support/browser.js';

let t: BrowserApp;
let fixture: CampaignFixture;
beforeAll(async () => {
  t = await startBrowserApp();
  fixture = await createCampaign(t.database.db, { sites: 1, perSite: 3 });
});
afterAll(async () => t?.close());

describe('a committee member’s list on a phone', () => {
  it('opens My list at 390×844, sees tap-to-call and text links, and logs a conversation', async () => {
    const member = await createMember(t.database.db, fixture, 'committee');
    const [first, second] = fixture.people;
    await t.database.db.update(people).set({ phone: '(510) 555-0142' }).where(eq(people.id, first!.id));
    await t.database.db.insert(committeeAssignments).values([first!, second!].map((p) => ({ personId: p.id, campaignId: fixture.campaign.id, accountId: member.id })));

    const { context, page, problems } = await t.newPage({ viewport: { width: 390, height: 844 } });
    try {
      await page.goto('/app/signin');
      await signIn(page, member.email, TEST_PASSWORD);
      await page.waitForURL(`**/app/c/${fixture.campaign.slug}/**`);
      await page.goto(`/app/c/${fixture.campaign.slug}/my-list`);
      await page.getByRole('heading', { name: 'My list' }).waitFor();

      const firstName = `${first!.givenName} ${first!.familyName}`;
      const call = page.getByRole('link', { name: `Call ${firstName}` });
      await call.waitFor();
      expect(await call.getAttribute('href')).toBe('tel:5105550142');
      expect(await page.getByRole('link', { name: `Text ${firstName}` }).getAttribute('href')).toBe('sms:5105550142');
      // The second person has no phone on file: no dead links.
      await page.getByText('No phone on file.').waitFor();

      await page.getByRole('button', { name: `Log a conversation with ${firstName}` }).click();
      const form = page.getByRole('form', { name: `Conversation with ${firstName}` });
      await form.getByLabel('How').selectOption('call');
      await form.getByLabel('What happened').fill('Worried about class sizes.');
      await form.getByLabel('Rating').selectOption('2');
      await form.getByLabel('Next step').fill('Bring her to Thursday’s meeting.');
      await form.getByRole('button', { name: 'Save conversation' }).click();
      await page.getByText('Conversation logged.').waitFor();
      await page.getByText('Rating: 2 · Supporter').waitFor();

      const rows = await t.database.db.select().from(conversations).where(eq(conversations.personId, first!.id));
      expect(rows.map((r) => r.channel)).toEqual(['call']);
      // A coworker at the school who is not on the list: their page has no rating and no conversations.
      const coworker = fixture.people[2]!;
      await page.goto(`/app/c/${fixture.campaign.slug}/person/${coworker.id}`);
      await page.getByRole('heading', { name: 'Employment history' }).waitFor();
      expect(await page.getByRole('heading', { name: 'Support assessment' }).count()).toBe(0);
      expect(await page.getByRole('heading', { name: 'Conversations and tasks' }).count()).toBe(0);
      await page.goto(`/app/c/${fixture.campaign.slug}/my-list`);
      await page.getByRole('link', { name: `Call ${firstName}` }).waitFor();

      // Nothing sideways on a narrow screen.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
