import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { campaigns } from '../src/db/schema/index.js';
import { createAccount, TEST_PASSWORD } from '../test/support/factories.js';
import { signIn, startBrowserApp, type BrowserApp } from './support/browser.js';

let t: BrowserApp;
beforeAll(async () => {
  t = await startBrowserApp();
});
afterAll(async () => t?.close());

describe('a real campaign from day one, in a browser', () => {
  it('on an instance without the demo: set up a campaign, import its roster, a teacher signs, an organizer verifies, the dashboard counts 1 of N', async () => {
    expect(await t.database.db.select().from(campaigns)).toEqual([]);
    const admin = await createAccount(t.database.db, { instanceAdmin: true, name: 'Rosa Admin' });
    const { context, page, problems } = await t.newPage();
    const signer = await t.browser.newContext({ baseURL: t.baseUrl, javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
    try {
      await page.goto('/app/');
      await signIn(page, admin.email, TEST_PASSWORD);
      // No campaign yet: the instance admin lands on "start your own campaign".
      await page.getByRole('heading', { name: 'Start your own campaign' }).waitFor();
      await page.getByLabel('Campaign name').fill('Valley Charter Educators');
      await expect(page.getByLabel('Web address').inputValue()).resolves.toBe('valley-charter-educators');
      await page.getByRole('button', { name: 'Start the campaign' }).click();
      await page.waitForURL('**/app/c/valley-charter-educators/setup');

      const employers = page.getByRole('form', { name: 'Add an employer' });
      await employers.getByLabel('Employer name').fill('North Charter');
      await employers.getByLabel('Email domains it controls').fill('north.example');
      await employers.getByRole('button', { name: 'Add the employer' }).click();
      await page.getByRole('row', { name: /North Charter/ }).waitFor();
      await employers.getByLabel('Employer name').fill('South Network');
      await employers.getByLabel('Files with').selectOption('nlrb');
      await employers.getByRole('button', { name: 'Add the employer' }).click();
      await page.getByRole('row', { name: /South Network.*NLRB/ }).waitFor();

      const schools = page.getByRole('form', { name: 'Add schools' });
      await schools.getByLabel('Schools to add').fill('Alder Prep, Fresno, North Charter\nBirch Academy, Fresno, North Charter\nCedar High, Visalia, South Network');
      await schools.getByRole('button', { name: 'Add the schools' }).click();
      await page.getByRole('row', { name: /Cedar High/ }).waitFor();

      const units = page.getByRole('form', { name: 'Add a bargaining unit' });
      await units.getByLabel('Unit name').fill('Certificated');
      await units.getByLabel('Job titles it includes').fill('Teacher, Counselor');
      await units.getByRole('button', { name: 'Add the unit' }).click();
      await page.getByRole('row', { name: /Certificated/ }).waitFor();

      // The card text in English and Spanish, each approved.
      await page.getByRole('link', { name: 'Write and approve the card text' }).click();
      for (const [language, title] of [['English', 'Authorization card'], ['Spanish', 'Tarjeta de autorización']] as const) {
        await page.getByLabel('Language').selectOption({ label: language });
        await page.getByLabel('Title').fill(title);
        await page.getByLabel('Text').fill(`${title}: I authorize the union to represent me with {employer}.`);
        await page.getByRole('button', { name: 'Save the version' }).click();
        const row = page.locator('tr', { hasText: title });
        await row.getByRole('button', { name: 'Approve' }).click();
        await row.getByRole('button', { name: 'Approve' }).waitFor({ state: 'detached' });
      }

      // The roster: four teachers and a custodian.
      const dir = mkdtempSync(path.join(os.tmpdir(), 'uh-roster-'));
      const csv = path.join(dir, 'roster.csv');
      writeFileSync(
        csv,
        [
          'Employee ID,First Name,Last Name,Work Email,School,Job Title',
          'V-1,Ana,Soto,ana.soto@north.example,Alder Prep,Teacher',
          'V-2,Ben,Ruiz,ben.ruiz@north.example,Birch Academy,Teacher',
          'V-3,Cam,Lee,cam.lee@south.example,Cedar High,Counselor',
          'V-4,Dee,Park,dee.park@south.example,Cedar High,Teacher',
          'V-5,Eli,Fox,eli.fox@south.example,Cedar High,Custodian',
        ].join('\n'),
      );
      const menu = page.getByRole('navigation', { name: 'Main' });
      await menu.getByRole('link', { name: 'Import roster' }).click();
      await page.getByLabel('CSV file').setInputFiles(csv);
      await page.getByLabel('Effective date').fill('2020-08-17');
      await page.getByRole('button', { name: 'Preview changes' }).click();
      await page.getByRole('heading', { name: /What this import would do/ }).waitFor();
      await expect(page.getByRole('heading', { name: /^New people \(5\)/ }).count()).resolves.toBe(1);
      await page.getByRole('button', { name: 'Apply this import' }).click();
      await page.locator('.notice-success').waitFor();

      // A teacher signs on the public card form, on a phone with JavaScript off.
      const form = await signer.newPage();
      await form.goto('/c/valley-charter-educators/card');
      await form.getByLabel('Full legal name', { exact: true }).fill('Ana Soto');
      await form.getByLabel('Personal email').fill('ana@mail.example');
      await form.getByLabel('Phone').fill('(559) 555-0123');
      await form.getByLabel('School').selectOption({ label: 'Alder Prep (employer: North Charter)' });
      await form.getByLabel('Job title').fill('Teacher');
      await form.getByLabel('I have read the card above and I agree to it.').check();
      await form.getByLabel('Signature: type your full legal name').fill('ANA SOTO');
      await form.getByRole('button', { name: 'Sign my card' }).click();
      await form.getByRole('heading', { name: 'Thank you for signing' }).waitFor();

      // The organizer verifies it; the dashboard counts it: 1 of the 4 in the unit.
      await menu.getByRole('link', { name: 'Cards' }).click();
      await page.getByRole('link', { name: 'Waiting for verification' }).click();
      const waiting = page.getByRole('article').filter({ hasText: 'Ana Soto' });
      await waiting.getByLabel('How you verified it').selectOption({ label: 'In person' });
      await waiting.getByRole('button', { name: 'Verify' }).click();
      await page.getByText('Verified the card of Ana Soto: it now counts.').waitFor();
      await menu.getByRole('link', { name: 'Dashboard' }).click();
      await page.getByTestId('valid-cards').waitFor();
      await expect(page.getByTestId('valid-cards').textContent()).resolves.toBe('1');
      await expect(page.getByTestId('eligible').textContent()).resolves.toBe('4');
      await page.getByText('1 of 4', { exact: false }).first().waitFor();
      expect(problems).toEqual([]);
    } catch (err) {
      await page.screenshot({ path: '/tmp/setup-e2e-failure.png', fullPage: true });
      throw err;
    } finally {
      await signer.close();
      await context.close();
    }
  });
});
