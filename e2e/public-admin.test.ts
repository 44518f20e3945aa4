import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import '../src/demo/demo-steps.js';
import { AS_OF_THE_SEEDS } from '../test/support/demo-date.js';
import { loadDemo } from '../src/demo/load-demo.js';
import { campaigns } from '../src/db/schema/index.js';
import { addDays, dayOf } from '../src/domain/calendar.js';
import { createDemoPdf } from '../src/demo/demo-pdf.js';
import { addMember, createAccount, TEST_PASSWORD } from '../test/support/factories.js';
import { runAxe } from './support/axe.js';
import { signIn, startBrowserApp, type BrowserApp } from './support/browser.js';

let t: BrowserApp;
let email: string;

beforeAll(async () => {
  t = await startBrowserApp();
  await loadDemo(t.database.db, () => ({ tick: () => undefined, done: () => undefined }), AS_OF_THE_SEEDS);
  const [demo] = await t.database.db.select().from(campaigns);
  const organizer = await createAccount(t.database.db, { name: 'Olivia Organizer' });
  await addMember(t.database.db, organizer.id, demo!.id, 'organizer');
  email = organizer.email;
});
afterAll(async () => t?.close());

describe('organizers run the public site from /app', () => {
  it('write a newsletter with a preview, publish it, and find it in the archive and the feed', async () => {
    const { context, page, problems } = await t.newPage();
    try {
      await signIn(page, email, TEST_PASSWORD);
      await page.waitForURL('**/dashboard');
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Newsletters' }).click();
      await page.getByRole('heading', { level: 1, name: 'Newsletters' }).waitFor();
      // The list loads after the heading: wait for it before counting.
      await page.getByRole('row', { name: /Celebrating 2014–2015/ }).first().waitFor();
      await expect(page.getByRole('row', { name: /Celebrating 2014–2015/ }).count()).resolves.toBe(1);
      await page.getByRole('button', { name: 'New newsletter' }).click();
      await page.getByLabel('Title').fill('Summer organizing update');
      await page.getByLabel('Text (Markdown)').fill('## Where we are\n\nWe met with **40 colleagues** this week.\n\n<script>alert(1)</script>');
      await page.getByRole('button', { name: 'Preview' }).click();
      await expect(page.locator('.preview strong').textContent()).resolves.toBe('40 colleagues');
      await expect(page.locator('.preview script').count()).resolves.toBe(0);
      await page.getByLabel(/^Published/).check();
      await page.getByRole('button', { name: 'Save' }).click();
      await page.getByText('“Summer organizing update” is published.').waitFor();
      await page.getByRole('link', { name: 'Summer organizing update' }).waitFor();

      await page.goto('/news');
      await page.getByRole('link', { name: 'Summer organizing update' }).click();
      await expect(page.locator('.prose strong').textContent()).resolves.toBe('40 colleagues');
      const feed = await (await page.request.get('/news/feed.xml')).text();
      expect(feed).toContain('Summer organizing update');
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('upload an endorsement letter and make it public', async () => {
    const { context, page, problems } = await t.newPage();
    try {
      await signIn(page, email, TEST_PASSWORD);
      await page.waitForURL('**/dashboard');
      await page.goto('/app/c/meridian/endorsements');
      await page.getByRole('button', { name: 'Add an endorsement' }).click();
      await page.getByLabel('Endorser').fill('Westlake Teachers Guild');
      await page.getByLabel('Level').selectOption('union');
      await page.getByLabel('Quote (optional)').fill('We stand with Meridian educators.');
      await page.getByLabel('Letter or resolution (PDF, up to 10 MB)').setInputFiles({ name: 'westlake.pdf', mimeType: 'application/pdf', buffer: createDemoPdf('Westlake Teachers Guild', ['In solidarity.']) });
      await page.getByLabel(/^Public/).check();
      await page.getByRole('button', { name: 'Save' }).click();
      await page.getByText('Westlake Teachers Guild is saved and public.').waitFor();
      await page.goto('/endorsements');
      await page.getByRole('heading', { name: 'Westlake Teachers Guild' }).waitFor();
      const letter = page.getByRole('listitem').filter({ hasText: 'Westlake Teachers Guild' }).getByRole('link', { name: /Read the letter/ });
      const href = await letter.getAttribute('href');
      const pdf = await page.request.get(href!);
      expect(pdf.headers()['content-type']).toBe('application/pdf');
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('check people in at the door', async () => {
    const { context, page, problems } = await t.newPage();
    try {
      await signIn(page, email, TEST_PASSWORD);
      await page.waitForURL('**/dashboard');
      await page.goto('/app/c/meridian/events');
      const row = page.getByRole('row', { name: /Press conference: let educators decide/ });
      await expect(row.getByRole('cell').nth(2).textContent()).resolves.toBe('6');
      await row.getByRole('button', { name: /RSVPs and check-in/ }).click();
      await page.getByRole('button', { name: 'Check in Kenji Robles' }).click();
      await page.getByRole('button', { name: 'Undo check-in of Kenji Robles' }).waitFor();
      await page.getByLabel('Walk-in’s name').fill('Tomas Vargas');
      await page.getByRole('button', { name: 'Add and check in' }).click();
      await page.getByRole('button', { name: 'Undo check-in of Tomas Vargas' }).waitFor();
      // Organizers may not export names; admins may (the API refuses it too).
      await expect(page.getByRole('link', { name: 'Export RSVPs (CSV)' }).count()).resolves.toBe(0);
      await page.getByRole('button', { name: 'Close' }).click();
      await expect.poll(() => row.getByRole('cell').nth(2).textContent()).toBe('8');
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('enter an event on the campaign’s clock from a browser in another time zone, and the public page shows it unchanged', async () => {
    // The organizer's computer is in Tokyo; the campaign is in Los Angeles.
    const context = await t.browser.newContext({ baseURL: t.baseUrl, locale: 'en-US', timezoneId: 'Asia/Tokyo' });
    try {
      context.setDefaultTimeout(10_000);
      const page = await context.newPage();
      const problems: string[] = [];
      page.on('pageerror', (error) => problems.push(error.message));
      expect(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe('Asia/Tokyo');
      const day = addDays(dayOf(new Date(), 'America/Los_Angeles'), 20);
      await signIn(page, email, TEST_PASSWORD);
      await page.waitForURL('**/dashboard');
      await page.goto('/app/c/meridian/events');
      await page.locator('table').first().waitFor();
      await expect(page.getByText('Times are in the campaign’s time zone (America/Los_Angeles)').count()).resolves.toBe(1);
      await page.getByRole('button', { name: 'New event' }).click();
      await page.getByLabel('Title').fill('Press conference typed in Tokyo');
      await page.getByLabel('Starts').fill(`${day}T10:00`);
      await page.getByLabel('Ends').fill(`${day}T11:30`);
      await page.getByRole('button', { name: 'Save' }).click();
      await page.getByText('“Press conference typed in Tokyo” is saved.').waitFor();
      const row = page.getByRole('row', { name: /Press conference typed in Tokyo/ });
      await expect(row.getByRole('cell').first().textContent()).resolves.toMatch(/10:00\sAM$/);

      // Opened again, the editor shows what was typed.
      await row.getByRole('button', { name: /Edit/ }).click();
      await expect(page.getByLabel('Starts').inputValue()).resolves.toBe(`${day}T10:00`);
      await expect(page.getByLabel('Ends').inputValue()).resolves.toBe(`${day}T11:30`);

      await page.goto(`/events/press-conference-typed-in-tokyo-${day}`);
      await expect(page.locator('main time').first().textContent()).resolves.toMatch(/ at 10:00\sAM P[DS]T$/);
      const ics = await (await page.request.get(`/events/press-conference-typed-in-tokyo-${day}/calendar.ics`)).text();
      expect(ics).toMatch(/DTSTART[^\n]*T1[78]0000Z/);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('has accessible organizer pages (axe-core)', async () => {
    const context = await t.browser.newContext({ baseURL: t.baseUrl, bypassCSP: true });
    try {
      const page = await context.newPage();
      await signIn(page, email, TEST_PASSWORD);
      await page.waitForURL('**/dashboard');
      for (const [path, heading] of [['newsletters', 'Newsletters'], ['endorsements', 'Endorsements'], ['press', 'Press'], ['events', 'Events']] as const) {
        await page.goto(`/app/c/meridian/${path}`);
        await page.getByRole('heading', { level: 1, name: heading }).waitFor();
        await page.locator('table').first().waitFor();
        expect(await runAxe(page), path).toEqual([]);
      }
      await page.getByRole('button', { name: 'New event' }).click();
      expect(await runAxe(page), 'event editor').toEqual([]);
    } finally {
      await context.close();
    }
  });
});
