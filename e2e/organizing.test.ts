import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import '../src/demo/demo-steps.js';
import { AS_OF_THE_SEEDS } from '../test/support/demo-date.js';
import { DEMO_ROSTER_EFFECTIVE } from '../src/demo/demo-roster-csv.js';
import { DEMO_SLUG, loadDemo, type DemoContext } from '../src/demo/load-demo.js';
import { addMember, createAccount, TEST_PASSWORD } from '../test/support/factories.js';
import { signIn, startBrowserApp, type BrowserApp } from './support/browser.js';

let t: BrowserApp;
let demo: DemoContext;
beforeAll(async () => {
  t = await startBrowserApp();
  demo = await loadDemo(t.database.db, () => ({ tick: () => undefined, done: () => undefined }), AS_OF_THE_SEEDS);
});
afterAll(async () => t?.close());

describe('organizing in the browser', () => {
  it('imports the demo roster, rates someone, logs a one-on-one, assigns a list and prints the wall chart', async () => {
    const organizer = await createAccount(t.database.db, { name: 'Olga Organizer' });
    await addMember(t.database.db, organizer.id, demo.campaignId, 'organizer');
    const school = demo.worksites[0]!;
    const committee = await createAccount(t.database.db, { name: 'Cara Committee' });
    await addMember(t.database.db, committee.id, demo.campaignId, 'committee', [school.id]);

    const { context, page, problems } = await t.newPage();
    try {
      await page.goto('/app/signin');
      await signIn(page, organizer.email, TEST_PASSWORD);
      await page.waitForURL(`**/app/c/${DEMO_SLUG}/dashboard`);
      // The dashboard's "likely yes" (aggregate assessments): the demo's supporters, 1s and 2s.
      await page.getByTestId('likely-yes').waitFor();
      expect(Number((await page.getByTestId('likely-yes').textContent())?.replace(/,/g, ''))).toBeGreaterThanOrEqual(140);

      // Import: choose the shipped file, preview, apply.
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Import roster' }).click();
      await page.getByLabel('CSV file').setInputFiles(path.resolve(import.meta.dirname, '..', 'demo', 'roster.csv'));
      await page.getByLabel('Effective date').fill(DEMO_ROSTER_EFFECTIVE);
      await page.getByRole('button', { name: 'Preview changes' }).click();
      await page.getByRole('heading', { name: /What this import would do/ }).waitFor();
      await expect(page.getByRole('heading', { name: /^New people \(20\)/ }).count()).resolves.toBe(1);
      await expect(page.getByRole('heading', { name: /^Invalid rows/ }).count()).resolves.toBe(0);
      await page.getByRole('button', { name: 'Apply this import' }).click();
      await page.locator('.notice-success').waitFor();
      await expect(page.locator('.notice-success').textContent()).resolves.toContain('Imported: 20 new');

      // A person: rate, log a one-on-one with a follow-up.
      await page.goto(`/app/c/${DEMO_SLUG}/people`);
      const first = page.locator('table.data-table tbody th a').first();
      const name = (await first.textContent()) ?? '';
      await first.click();
      await page.getByRole('heading', { name: 'Support assessment' }).waitFor();
      await page.getByLabel('Rate').selectOption('2');
      await page.getByLabel('Why').fill('Wants fair evaluations');
      await page.getByRole('button', { name: 'Save rating' }).click();
      await page.getByText('Rating saved.').waitFor();
      // The page reloads the person after saving: wait for the new latest rating.
      await page.locator('p', { hasText: 'Latest: 2 · Supporter' }).waitFor();

      await page.getByLabel('How').selectOption('one_on_one');
      await page.getByLabel('evaluations', { exact: true }).check();
      await page.getByLabel('Notes', { exact: true }).fill('Talked after school about the rubric.');
      await page.getByLabel('Follow-up task').fill('Bring a card on Friday');
      await page.getByLabel('Due', { exact: true }).fill('2015-05-01');
      await page.getByRole('button', { name: 'Log conversation' }).click();
      await page.getByText('Conversation logged.').waitFor();
      await page.getByText('Talked after school about the rubric.').waitFor();

      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My tasks' }).click();
      await page.getByText('Bring a card on Friday').waitFor();
      await expect(page.getByText(name.split(', ').reverse().join(' ')).count()).resolves.toBeGreaterThan(0);

      // The dashboard lists it among the tasks due (overdue: the demo lives in 2015).
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' }).click();
      const due = page.getByRole('region', { name: 'Your tasks due' });
      await due.getByText('Bring a card on Friday').waitFor();
      await expect(due.getByText(/Overdue since/).count()).resolves.toBeGreaterThan(0);

      // Coverage: give an unassigned coworker to the committee member of the school.
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Coverage' }).click();
      const section = page.getByRole('region', { name: school.name });
      await section.getByText(/On no one’s list/).click();
      await section.locator('input[type="checkbox"]').first().check();
      await section.getByLabel('Add to the list of').selectOption({ label: 'Cara Committee' });
      await section.getByRole('button', { name: /^Assign/ }).click();
      await page.getByText('1 added to the list.').waitFor();

      // The wall chart, as it prints: only the chart, every school a column.
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Wall chart' }).click();
      await page.locator('.wall-column').first().waitFor();
      await expect(page.locator('.wall-column').count()).resolves.toBe(25);
      await expect(page.locator('.wall-cells .level-1, .wall-cells .level-2').count()).resolves.toBeGreaterThan(120);
      // As of June 2015 the cards step's signers hold valid cards, and are marked (by now they have expired).
      await expect(page.locator('.wall-cells .card-expired').count()).resolves.toBeGreaterThan(100);
      await page.getByLabel('As of').fill('2015-06-15');
      await page.locator('.as-of', { hasText: 'June 15, 2015' }).waitFor();
      await expect(page.locator('.wall-cells .card-signed').count()).resolves.toBeGreaterThan(100);
      await page.emulateMedia({ media: 'print' });
      await expect(page.locator('.sidebar').isVisible()).resolves.toBe(false);
      await expect(page.locator('.wall-chart').isVisible()).resolves.toBe(true);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
