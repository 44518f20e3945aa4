import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { committeeAssignments, mailMessages, people } from '../src/db/schema/index.js';
import { createAccount, addMember, createCampaign, createMember, TEST_PASSWORD } from '../test/support/factories.js';
import { signIn, startBrowserApp, type BrowserApp } from './support/browser.js';

let t: BrowserApp;
beforeAll(async () => {
  t = await startBrowserApp();
});
afterAll(async () => t?.close());

describe('the people list in a browser', () => {
  it('searches accent-blind, filters by committee member, and puts the selected people on a committee member’s list', async () => {
    const fixture = await createCampaign(t.database.db, { sites: 2, perSite: 3 });
    const organizer = await createMember(t.database.db, fixture, 'organizer');
    const member = await createAccount(t.database.db, { name: 'Rosa Committee' });
    await addMember(t.database.db, member.id, fixture.campaign.id, 'committee', [fixture.sites[0]!.id]);
    const [first, second] = fixture.people;
    await t.database.db.update(people).set({ familyName: 'Peña' }).where(eq(people.id, first!.id));
    await t.database.db.insert(committeeAssignments).values({ personId: first!.id, campaignId: fixture.campaign.id, accountId: member.id });

    const { context, page, problems } = await t.newPage();
    try {
      await signIn(page, organizer.email, TEST_PASSWORD);
      await page.waitForURL('**/dashboard');
      await page.goto(`/app/c/${fixture.campaign.slug}/people`);
      await page.getByText('Showing 6 people').waitFor();

      await page.getByLabel('Search by name').fill('pena');
      await page.getByText('Showing 1 person').waitFor();
      await expect(page.locator('table tbody th').allTextContents()).resolves.toEqual([`Peña, ${first!.givenName}`]);
      await page.getByLabel('Search by name').fill('');
      await page.getByText('Showing 6 people').waitFor();

      await page.getByLabel('Committee member', { exact: true }).selectOption('none');
      await page.getByText('Showing 5 people').waitFor();
      await page.getByLabel(`Select ${second!.givenName} ${second!.familyName}`).check();
      await page.getByLabel('Put them on the list of').selectOption({ label: 'Rosa Committee' });
      await page.getByRole('button', { name: 'Assign' }).click();
      await page.getByText('1 person put on the list.').waitFor();
      // The filter asks for people on no one's list: the one just assigned leaves it.
      await page.getByText('Showing 4 people').waitFor();
      const listed = await t.database.db.select().from(committeeAssignments).where(eq(committeeAssignments.accountId, member.id));
      expect(listed.map((l) => l.personId).sort()).toEqual([first!.id, second!.id].sort());
      await page.getByLabel('Committee member', { exact: true }).selectOption({ label: 'Rosa Committee' });
      await page.getByText('Showing 2 people').waitFor();

      // Saved views: save this filter, clear it, and bring it back by name.
      await page.getByLabel('Name for this view').fill('Rosa’s people');
      await page.getByRole('button', { name: 'Save this view' }).click();
      await page.getByLabel('Saved views').locator('option', { hasText: 'Rosa’s people' }).waitFor({ state: 'attached' });
      await page.getByLabel('Committee member', { exact: true }).selectOption('');
      await page.getByText('Showing 6 people').waitFor();
      await page.getByLabel('Saved views').selectOption({ label: 'Rosa’s people' });
      await page.getByText('Showing 2 people').waitFor();
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('opens the dashboard on what to do today: mail that is not going out, and each unit against the filing thresholds', async () => {
    const fixture = await createCampaign(t.database.db, { sites: 1, perSite: 10 });
    const organizer = await createMember(t.database.db, fixture, 'organizer');
    await t.database.db.insert(mailMessages).values({ campaignId: fixture.campaign.id, kind: 'card_confirmation', toAddress: 'a@example.org', subject: 'Confirm', textBody: '…', transport: 'outbox' });
    const { context, page, problems } = await t.newPage();
    try {
      await signIn(page, organizer.email, TEST_PASSWORD);
      await page.waitForURL('**/dashboard');
      const panel = page.getByRole('region', { name: 'Today' });
      await panel.getByText('Mail is not going out').waitFor();
      await expect(panel.textContent()).resolves.toContain('1 message waits in the outbox, 1 card confirmation among them');
      await expect(panel.getByRole('listitem').filter({ hasText: 'Certificated' }).textContent()).resolves.toBe(
        'Certificated: 30% showing of interest 3 to go · majority (50% + 1) 6 to go · goal 7 to go',
      );
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
