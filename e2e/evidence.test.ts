import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attachments, auditEvents, employerAgents } from '../src/db/schema/index.js';
import { addMonths, daysBetween } from '../src/domain/calendar.js';
import { renderDemoMemoPdf } from '../src/demo/demo-memo-pdf.js';
import { createCampaign, createMember, TEST_PASSWORD } from '../test/support/factories.js';
import { signIn, startBrowserApp, type BrowserApp } from './support/browser.js';

let t: BrowserApp;
beforeAll(async () => {
  t = await startBrowserApp();
});
afterAll(async () => t?.close());

const isoToday = (): string => new Date().toISOString().slice(0, 10);

/** A conduct date whose six-month charge deadline is 5 to 25 days from today, whatever today is. */
function dateNearDeadline(): string {
  const today = isoToday();
  for (let back = 150; back < 200; back++) {
    const candidate = new Date(Date.now() - back * 86_400_000).toISOString().slice(0, 10);
    const left = daysBetween(today, addMonths(candidate, 6));
    if (left >= 5 && left <= 25) return candidate;
  }
  throw new Error('no date found');
}

describe('the evidence page', () => {
  it('lets an organizer log an incident with a PDF and a quote citing its page, and warns of the deadline', async () => {
    const fixture = await createCampaign(t.database.db, { sites: 2, perSite: 3 });
    const organizer = await createMember(t.database.db, fixture, 'organizer');
    // Conduct from almost six months ago: its charge deadline is days away.
    const occurredOn = dateNearDeadline();
    const dir = mkdtempSync(path.join(os.tmpdir(), 'uh-evidence-'));
    const pdf = await renderDemoMemoPdf();
    const pdfPath = path.join(dir, 'memo to principals.pdf');
    writeFileSync(pdfPath, pdf);

    const { context, page, problems } = await t.newPage();
    try {
      await signIn(page, organizer.email, TEST_PASSWORD);
      await page.waitForURL('**/dashboard');
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Evidence' }).click();
      await page.getByRole('heading', { name: 'Evidence', level: 1 }).waitFor();
      await page.getByText('No incidents logged yet.').waitFor();
      // Organizers log; only admins export.
      await expect(page.getByRole('link', { name: 'Chronology (PDF)' }).count()).resolves.toBe(0);

      await page.getByRole('link', { name: 'Log an incident' }).click();
      await page.getByRole('heading', { name: 'Log an incident' }).waitFor();
      await page.getByLabel('Date').fill(occurredOn);
      await page.getByLabel('Kind of conduct', { exact: true }).selectOption('one_on_one_pressure');
      await page.getByLabel('Short title').fill('Principal meets teachers one by one');
      await page.getByLabel(fixture.sites[0]!.name, { exact: true }).check();
      await page.getByLabel('Upload a file').setInputFiles(pdfPath);
      await page.getByRole('button', { name: 'Upload', exact: true }).click();
      await page.getByText('Uploaded memo to principals.pdf').waitFor();
      await page.getByRole('button', { name: 'Add a quote' }).click();
      await page.getByLabel('Words').fill('Hold individual conversations with each teacher.');
      await page.getByLabel('Document').selectOption({ label: 'memo to principals.pdf' });
      await page.getByLabel('Page', { exact: true }).fill('2');
      await page.getByRole('button', { name: 'Log the incident' }).click();

      await page.getByRole('heading', { name: 'Principal meets teachers one by one', level: 1 }).waitFor();
      await expect(page.getByRole('alert').textContent()).resolves.toMatch(/\d+ days left: file by/);
      await expect(page.getByRole('link', { name: 'memo to principals.pdf, page 2' }).getAttribute('href')).resolves.toMatch(/#page=2$/);
      await expect(page.getByText(createHash('sha256').update(pdf).digest('hex')).count()).resolves.toBe(1);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
    const [stored] = await t.database.db.select().from(attachments).where(eq(attachments.campaignId, fixture.campaign.id));
    expect(stored?.sha256).toBe(createHash('sha256').update(pdf).digest('hex'));
    const viewed = await t.database.db.select().from(auditEvents).where(eq(auditEvents.actorAccountId, organizer.id));
    expect(viewed.map((e) => e.action)).toEqual(expect.arrayContaining(['conduct.timeline_viewed', 'conduct.incident_created', 'conduct.incident_viewed']));
  });

  it('saves a person first named in the form only with the incident, and only once', async () => {
    const fixture = await createCampaign(t.database.db, { sites: 1, perSite: 2 });
    const organizer = await createMember(t.database.db, fixture, 'organizer');
    const agentsOf = async () => (await t.database.db.select().from(employerAgents).where(eq(employerAgents.campaignId, fixture.campaign.id))).map((a) => a.name);
    const { context, page, problems } = await t.newPage();
    const addPerson = async (name: string) => {
      await page.getByRole('button', { name: 'Someone not listed? Add them' }).click();
      await page.getByLabel('Name', { exact: true }).fill(name);
      await page.getByLabel('Title (optional)').fill('Principal, School 1');
      await page.getByRole('button', { name: 'Add this person' }).click();
    };
    try {
      await signIn(page, organizer.email, TEST_PASSWORD);
      await page.waitForURL('**/dashboard');
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Evidence' }).click();
      await page.getByRole('link', { name: 'Log an incident' }).click();
      await page.getByRole('heading', { name: 'Log an incident' }).waitFor();
      await addPerson('Dana Whitcomb');
      await page.getByText('Added Dana Whitcomb; saved with the incident.').waitFor();
      await addPerson('  dana   WHITCOMB');
      await page.getByText('dana   WHITCOMB is already added.').waitFor();
      await expect(page.getByLabel(/^Dana Whitcomb/).count()).resolves.toBe(1);
      // Leaving the form without logging the incident saves no one.
      await page.getByRole('link', { name: 'Cancel' }).click();
      await page.getByRole('heading', { name: 'Evidence', level: 1 }).waitFor();
      expect(await agentsOf()).toEqual([]);

      await page.getByRole('link', { name: 'Log an incident' }).click();
      await page.getByLabel('Date').fill('2015-04-02');
      await page.getByLabel('Kind of conduct', { exact: true }).selectOption('interrogation');
      await page.getByLabel('Short title').fill('Principal asks who signed');
      await addPerson('Dana Whitcomb');
      await page.getByRole('button', { name: 'Add a quote' }).click();
      await page.getByLabel('Words').fill('I’d like to know where you are on this.');
      await page.getByLabel('Said or written by').selectOption({ label: 'Dana Whitcomb (new)' });
      await page.getByRole('button', { name: 'Log the incident' }).click();
      await page.getByRole('heading', { name: 'Principal asks who signed', level: 1 }).waitFor();
      await page.getByText('Dana Whitcomb (Principal, School 1)').waitFor();
      await page.getByText('— Dana Whitcomb').waitFor();
      expect(await agentsOf()).toEqual(['Dana Whitcomb']);

      // Named again in the next incident, in other letters: the same person, listed once.
      await page.goto(`${t.baseUrl}/app/c/${fixture.campaign.slug}/evidence/new`);
      await page.getByRole('heading', { name: 'Log an incident' }).waitFor();
      await addPerson('DANA WHITCOMB');
      await page.getByText('Dana Whitcomb is already listed: ticked.').waitFor();
      await expect(page.getByLabel(/^Dana Whitcomb/).isChecked()).resolves.toBe(true);
      expect(await agentsOf()).toEqual(['Dana Whitcomb']);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('is not in a committee member’s menu', async () => {
    const fixture = await createCampaign(t.database.db, { sites: 1, perSite: 1 });
    const member = await createMember(t.database.db, fixture, 'committee');
    const { context, page } = await t.newPage();
    try {
      await signIn(page, member.email, TEST_PASSWORD);
      await page.waitForURL('**/dashboard');
      const menu = page.getByRole('navigation', { name: 'Main' });
      await menu.getByRole('link', { name: 'Dashboard' }).waitFor();
      await expect(menu.getByRole('link', { name: 'Evidence' }).count()).resolves.toBe(0);
    } finally {
      await context.close();
    }
  });
});
