import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, createCampaign, createMember, TEST_PASSWORD } from '../test/support/factories.js';
import { signIn, startBrowserApp, type BrowserApp } from './support/browser.js';

// Issue 11, item 2 in a browser: my password and my sessions; an administrator disables an account.

let t: BrowserApp;
beforeAll(async () => {
  t = await startBrowserApp();
});
afterAll(async () => t?.close());

describe('account lifecycle in the organizer app', () => {
  it('changes my password, lists my sessions and signs out my other browser', async () => {
    const fixture = await createCampaign(t.database.db, { sites: 1, perSite: 2 });
    const organizer = await createMember(t.database.db, fixture, 'organizer');
    const other = await t.newPage();
    const { context, page, problems } = await t.newPage();
    try {
      await signIn(other.page, organizer.email, TEST_PASSWORD);
      await other.page.waitForURL(`**/app/c/${fixture.campaign.slug}/dashboard`);
      await signIn(page, organizer.email, TEST_PASSWORD);
      await page.waitForURL(`**/app/c/${fixture.campaign.slug}/dashboard`);

      await page.getByRole('link', { name: 'My account and sessions' }).click();
      await page.getByRole('table', { name: 'Your sessions' }).waitFor();
      await expect(page.locator('tbody tr').count()).resolves.toBe(2);
      await expect(page.locator('tbody tr', { hasText: '(this browser)' }).count()).resolves.toBe(1);

      await page.getByLabel('Current password').fill('not my password');
      await page.getByLabel('New password').fill('a fresh long password');
      await page.getByRole('button', { name: 'Change password' }).click();
      await page.locator('.field-error').waitFor();
      await expect(page.locator('.field-error').textContent()).resolves.toContain('is not your current password');

      await page.getByLabel('Current password').fill(TEST_PASSWORD);
      await page.getByLabel('New password').fill('a fresh long password');
      await page.getByRole('button', { name: 'Change password' }).click();
      await page.getByText('Password changed. 1 other session was signed out.').waitFor();
      await expect(page.locator('tbody tr').count()).resolves.toBe(1);

      // The other browser is signed out at its next request.
      await other.page.goto(`/app/c/${fixture.campaign.slug}/people`);
      await other.page.waitForURL((url) => url.pathname === '/app/signin');
      // Only the refusal of the wrong current password, which the page showed; nothing else broke.
      expect(problems.filter((p) => !p.includes('status of 400'))).toEqual([]);
    } finally {
      await other.context.close();
      await context.close();
    }
  });

  it('an administrator disables an account: its open session ends, and it can be enabled again', async () => {
    const admin = await createAccount(t.database.db, { instanceAdmin: true, name: 'Server Admin' });
    const target = await createAccount(t.database.db, { name: 'Dana Departing' });
    const victim = await t.newPage();
    const { context, page, problems } = await t.newPage();
    try {
      await signIn(victim.page, target.email, TEST_PASSWORD);
      await victim.page.waitForURL((url) => url.pathname !== '/app/signin');
      await signIn(page, admin.email, TEST_PASSWORD);
      await page.waitForURL((url) => url.pathname !== '/app/signin');
      await page.goto('/app/admin/accounts');
      page.once('dialog', (dialog) => void dialog.accept());
      await page.getByRole('button', { name: 'Disable Dana Departing' }).click();
      await page.getByText('Dana Departing is disabled and signed out everywhere.').waitFor();
      await expect(page.locator('tbody tr', { hasText: 'Dana Departing' }).textContent()).resolves.toContain('Disabled');

      await victim.page.goto('/app/admin/account');
      await victim.page.waitForURL((url) => url.pathname === '/app/signin');

      await page.getByRole('button', { name: 'Enable Dana Departing' }).click();
      await page.getByText('Dana Departing can sign in again.').waitFor();
      expect(problems).toEqual([]);
    } finally {
      await victim.context.close();
      await context.close();
    }
  });
});
