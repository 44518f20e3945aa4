import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import '../src/demo/demo-steps.js';
import { AS_OF_THE_SEEDS } from '../test/support/demo-date.js';
import { loadDemo, type DemoContext } from '../src/demo/load-demo.js';
import { addMember, createAccount, TEST_PASSWORD } from '../test/support/factories.js';
import { asOfQuery, figuresOf, type MajorityRow } from '../test/support/support-figures.js';
import { signIn, startBrowserApp, type BrowserApp } from './support/browser.js';

let t: BrowserApp;
let demo: DemoContext;
const quiet = () => ({ tick: () => undefined, done: () => undefined });

beforeAll(async () => {
  t = await startBrowserApp();
  demo = await loadDemo(t.database.db, quiet, AS_OF_THE_SEEDS);
});
afterAll(async () => t?.close());

describe('the Filing page', () => {
  it('an admin previews the largest school on 2015-06-15, sees it pass 50%, and downloads the board copy', async () => {
    const account = await createAccount(t.database.db);
    await addMember(t.database.db, account.id, demo.campaignId, 'admin');
    const { context, page, problems } = await t.newPage({ viewport: { width: 1280, height: 1400 } });
    try {
      await signIn(page, account.email, TEST_PASSWORD);
      await page.waitForURL('**/app/c/meridian/dashboard');
      // The numbers the dashboard's majority API gives for the largest school on that day.
      const majority = (await (await page.request.get(`${t.baseUrl}/api/campaigns/meridian/majority?${asOfQuery('2015-06-15')}`)).json()) as { worksites: MajorityRow[] };
      const largest = [...majority.worksites].sort((a, b) => b.eligible - a.eligible)[0]!;
      const figures = figuresOf(largest);
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Filing' }).click();
      await page.waitForURL('**/app/c/meridian/filing');
      await page.getByLabel('School').selectOption(largest.id);
      await page.getByLabel('Filing date').fill('2015-06-15');
      await page.getByRole('button', { name: 'Preview the numbers' }).click();
      const numbers = page.getByRole('region', { name: /as of June 15, 2015/ });
      await numbers.waitFor();
      await expect(numbers.locator('.stat-value').allTextContents()).resolves.toEqual([String(figures.eligible), String(figures.validCards), `${figures.percent}%`]);
      await expect(numbers.getByRole('row', { name: /Majority/ }).textContent()).resolves.toContain('Met');
      await expect(numbers.getByRole('row', { name: /Duplicate/ }).count()).resolves.toBe(1);

      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Board copy (PDF)' }).click()]);
      expect(download.suggestedFilename()).toMatch(/^proof-of-support-certificated-unit-at-.*-2015-06-15-perb-board-copy\.pdf$/);
      const file = await download.path();
      expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
      await page.getByRole('status').filter({ hasText: 'Downloaded' }).waitFor();

      await page.getByRole('button', { name: 'Check every card' }).click();
      await page.getByText(/All \d+ cards match their hashes/).waitFor();
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
