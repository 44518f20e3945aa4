import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, sessions } from '../src/db/schema/index.js';
import { addMember, createAccount, createCampaign, createMember, TEST_PASSWORD } from '../test/support/factories.js';
import { choosePassword, inviteNewOrganizer, NEW_ORGANIZER, signIn, startBrowserApp, type BrowserApp } from './support/browser.js';

let t: BrowserApp;
beforeAll(async () => {
  t = await startBrowserApp();
});
afterAll(async () => t?.close());

describe('the organizer app in a browser', () => {
  it('signs in with email and password and shows the campaign dashboard', async () => {
    const fixture = await createCampaign(t.database.db, { sites: 3, perSite: 4 });
    const admin = await createMember(t.database.db, fixture, 'admin');
    const { context, page, problems } = await t.newPage();
    try {
      await page.goto('/app/');
      await page.waitForURL('**/app/signin');
      await signIn(page, admin.email, TEST_PASSWORD);
      await page.waitForURL(`**/app/c/${fixture.campaign.slug}/dashboard`);
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Dashboard');
      await expect(page.getByTestId('eligible').textContent()).resolves.toBe('12');
      await expect(page.getByTestId('worksites').textContent()).resolves.toBe('3');
      // The admin's menu offers the admin pages.
      const menu = page.getByRole('navigation', { name: 'Main' });
      await expect(menu.getByRole('link', { name: 'Members & roles' }).count()).resolves.toBe(1);
      await expect(menu.getByRole('link', { name: 'Audit log' }).count()).resolves.toBe(1);
      // Nothing broke and the strict CSP refused nothing (no inline scripts or styles).
      expect(problems).toEqual([]);

      await menu.getByRole('button', { name: 'Sign out', exact: true }).click();
      await page.waitForURL('**/app/signin');
      await expect(page.locator('.notice-info').textContent()).resolves.toBe('You are signed out.');
      await page.goto(`/app/c/${fixture.campaign.slug}/people`);
      await page.waitForURL((url) => url.pathname === '/app/signin');
    } finally {
      await context.close();
    }
  });

  it('shows the server’s reason when the password is wrong', async () => {
    const account = await createAccount(t.database.db);
    const { context, page } = await t.newPage();
    try {
      await signIn(page, account.email, 'not the right password');
      const alert = page.getByRole('alert');
      await alert.waitFor();
      await expect(alert.textContent()).resolves.toContain('That email and password do not match');
      expect(new URL(page.url()).pathname).toBe('/app/signin');
    } finally {
      await context.close();
    }
  });

  it('sets a password from a one-time welcome link and lands signed in', async () => {
    const fixture = await createCampaign(t.database.db, { sites: 2, perSite: 2 });
    const welcomeLink = await inviteNewOrganizer(t, fixture.campaign.slug);
    const { context, page } = await t.newPage();
    try {
      await page.goto(welcomeLink);
      await page.getByRole('heading', { name: 'Welcome to Unionhall' }).waitFor();
      // Too short first: the server's reason shows next to the field and the link stays usable.
      await choosePassword(page, 'short');
      await page.locator('.field-error').first().waitFor();
      await expect(page.locator('.field-error').first().textContent()).resolves.toContain('must be at least 12 characters');

      await choosePassword(page, 'a long and memorable phrase');
      await page.waitForURL(`**/app/c/${fixture.campaign.slug}/dashboard`);
      await expect(page.getByText(NEW_ORGANIZER.name).count()).resolves.toBeGreaterThan(0);

      // The same link cannot be used twice.
      await page.goto(welcomeLink);
      await choosePassword(page, 'another long phrase here');
      await page.getByRole('alert').waitFor();
      await expect(page.getByRole('alert').textContent()).resolves.toContain('expired or was already used');
    } finally {
      await context.close();
    }
  });

  it('shows a committee member only the people at their own school, and logs the view', async () => {
    const fixture = await createCampaign(t.database.db, { sites: 3, perSite: 3 });
    const [own, other] = [fixture.sites[0]!, fixture.sites[1]!];
    const member = await createMember(t.database.db, fixture, 'committee', [own.id]);
    const { context, page } = await t.newPage();
    try {
      await signIn(page, member.email, TEST_PASSWORD);
      await page.waitForURL('**/dashboard');
      const menu = page.getByRole('navigation', { name: 'Main' });
      // Committee members get no admin pages.
      await expect(menu.getByRole('link', { name: 'Audit log' }).count()).resolves.toBe(0);
      await expect(menu.getByRole('link', { name: 'Members & roles' }).count()).resolves.toBe(0);
      await menu.getByRole('link', { name: 'People' }).click();
      await page.getByRole('table').waitFor();
      const rows = await page.locator('table tbody tr').allTextContents();
      expect(rows).toHaveLength(3);
      for (const row of rows) expect(row).toContain(own.name);
      const names = rows.join('\n');
      for (const person of fixture.people) {
        const shown = names.includes(`${person.familyName}, ${person.givenName}`);
        expect(shown).toBe(person.worksiteId === own.id);
      }
      expect(names).not.toContain(other.name);
      const views = await t.database.db.select().from(auditEvents).where(eq(auditEvents.actorAccountId, member.id));
      expect(views.map((v) => v.action)).toContain('people.list_viewed');
    } finally {
      await context.close();
    }
  });

  it('sends someone whose session ended back to sign-in with a message, then back where they were', async () => {
    const fixture = await createCampaign(t.database.db, { sites: 1, perSite: 2 });
    const organizer = await createMember(t.database.db, fixture, 'organizer');
    const { context, page } = await t.newPage();
    try {
      await signIn(page, organizer.email, TEST_PASSWORD);
      await page.waitForURL('**/dashboard');
      await page.getByTestId('eligible').waitFor();
      // The dashboard's later reads (the Today panel) must be answered before the session ends:
      // one still in flight would meet the ended session and lead to sign-in before the click.
      await page.waitForLoadState('networkidle');
      await t.database.db.delete(sessions).where(eq(sessions.accountId, organizer.id));
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People' }).click();
      await page.waitForURL((url) => url.pathname === '/app/signin' && url.searchParams.has('next'));
      await expect(page.locator('.notice-info').textContent()).resolves.toContain('Your session has ended');
      await page.getByLabel('Email').fill(organizer.email);
      await page.getByLabel('Password').fill(TEST_PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL(`**/app/c/${fixture.campaign.slug}/people`);
      await page.getByRole('table').waitFor();
    } finally {
      await context.close();
    }
  });

  it('lets an instance admin make an account, read its welcome mail in the outbox and give it a committee role', async () => {
    const fixture = await createCampaign(t.database.db, { sites: 3, perSite: 2 });
    const admin = await createAccount(t.database.db, { name: 'Ada Admin', instanceAdmin: true });
    await addMember(t.database.db, admin.id, fixture.campaign.id, 'admin');
    const { context, page } = await t.newPage();
    try {
      await signIn(page, admin.email, TEST_PASSWORD);
      await page.waitForURL('**/dashboard');
      const menu = page.getByRole('navigation', { name: 'Main' });

      await menu.getByRole('link', { name: 'Accounts' }).click();
      // A bad email comes back from the server with its reason next to the field.
      await page.getByLabel('Name').fill('Rosa Delgado');
      await page.getByLabel('Email').fill('not-an-email');
      await page.getByRole('button', { name: 'Make account and send welcome link' }).click();
      await page.locator('.field-error').waitFor();
      await expect(page.locator('.field-error').textContent()).resolves.toContain('Email is not an email address');
      await page.getByLabel('Email').fill('rosa@mail.example');
      await page.getByRole('button', { name: 'Make account and send welcome link' }).click();
      await page.getByText('Account made for Rosa Delgado').waitFor();

      await menu.getByRole('link', { name: 'Outbox' }).click();
      await page.getByRole('button', { name: 'Your Unionhall account' }).click();
      const link = await page.locator('.message-body a').getAttribute('href');
      expect(link).toMatch(/\/app\/welcome\?token=/);

      await menu.getByRole('link', { name: 'Members & roles' }).click();
      await page.getByLabel('Account').selectOption({ label: 'Rosa Delgado (rosa@mail.example)' });
      await page.getByRole('button', { name: 'Choose their role' }).click();
      // A newcomer starts as a viewer (totals only): seeing names is chosen on purpose.
      await expect(page.getByLabel('Viewer', { exact: true }).isChecked()).resolves.toBe(true);
      await page.getByLabel('Committee member').check();
      // Without a school the server refuses, and says why.
      await page.getByRole('button', { name: 'Save' }).click();
      await page.locator('#member-schools-error').waitFor();
      await expect(page.locator('#member-schools-error').textContent()).resolves.toContain('required for committee members');
      await page.getByLabel(fixture.sites[1]!.name).check();
      await page.getByRole('button', { name: 'Save' }).click();
      await page.getByText('Saved: Rosa Delgado is now a committee member for 1 school.').waitFor();
      const row = page.locator('tbody tr', { hasText: 'rosa@mail.example' });
      await expect(row.textContent()).resolves.toContain(fixture.sites[1]!.name);

      await menu.getByRole('link', { name: 'Audit log' }).click();
      await page.getByRole('table').waitFor();
      await expect(page.locator('tbody tr').first().textContent()).resolves.toContain('Role changed');
    } finally {
      await context.close();
    }
  });
});
