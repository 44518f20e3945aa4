import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCardText } from '../test/support/card-fixtures.js';
import { createCampaign, createMember, TEST_PASSWORD } from '../test/support/factories.js';
import { signIn, startBrowserApp, type BrowserApp } from './support/browser.js';

let t: BrowserApp;
beforeAll(async () => {
  t = await startBrowserApp();
});
afterAll(async () => t?.close());

describe('support cards in a browser', () => {
  it('an educator signs on the public page with JavaScript off; the dashboard moves; an organizer opens, checks and revokes the card', async () => {
    const fixture = await createCampaign(t.database.db, { sites: 2, perSite: 4 });
    await addCardText(t.database.db, fixture.campaign.id);
    const organizer = await createMember(t.database.db, fixture, 'organizer');
    const { context, page, problems } = await t.newPage();
    const signer = await t.browser.newContext({ baseURL: t.baseUrl, javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
    try {
      await page.goto('/app/');
      await signIn(page, organizer.email, TEST_PASSWORD);
      await page.waitForURL(`**/app/c/${fixture.campaign.slug}/dashboard`);
      await expect(page.getByTestId('valid-cards').textContent()).resolves.toBe('0');

      // The educator, on a phone with JavaScript off.
      const educator = fixture.people[1]!;
      const name = `${educator.givenName} ${educator.familyName}`;
      const form = await signer.newPage();
      await form.goto(`/c/${fixture.campaign.slug}/card`);
      await form.getByLabel('Full legal name', { exact: true }).fill(name);
      await form.getByLabel('Personal email').fill('signer@mail.example');
      await form.getByLabel('Phone').fill('(323) 555-0123');
      await form.getByLabel('School').selectOption({ label: 'School 1 (employer: Employer 1)' });
      await form.getByLabel('Job title').fill('Teacher, Biology');
      await form.getByLabel('I have read the card above and I agree to it.').check();
      await form.getByLabel('Signature: type your full legal name').fill(name.toUpperCase());
      await form.getByRole('button', { name: 'Sign my card' }).click();
      await form.getByRole('heading', { name: 'Thank you for signing' }).waitFor();

      await page.reload();
      await page.getByTestId('valid-cards').waitFor();
      await expect(page.getByTestId('valid-cards').textContent()).resolves.toBe('1');
      await expect(page.getByRole('row', { name: /School 1/ }).textContent()).resolves.toContain('25%');

      const menu = page.getByRole('navigation', { name: 'Main' });
      await menu.getByRole('link', { name: 'Cards' }).click();
      await page.getByRole('link', { name }).click();
      await page.getByText('The stored content still matches its hash.').waitFor();
      await expect(page.getByText('Sent to signer@mail.example').count()).resolves.toBe(1);
      await page.getByLabel('Reason').fill('Asked to withdraw');
      await page.getByRole('button', { name: 'Revoke' }).click();
      await page.getByText(/^Revoked from/).waitFor();

      await menu.getByRole('link', { name: 'Dashboard' }).click();
      await page.getByTestId('valid-cards').waitFor();
      await expect(page.getByTestId('valid-cards').textContent()).resolves.toBe('0');
      expect(problems).toEqual([]);
    } finally {
      await signer.close();
      await context.close();
    }
  });
});
