import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corsOrigins, petitionSignatures } from '../src/db/schema/index.js';
import { petitionEmbedSnippet } from '../src/http/presenters/petition-embed-presenter.js';
import { createCampaign, createMember, TEST_PASSWORD } from '../test/support/factories.js';
import { createPetition } from '../test/support/petition-helpers.js';
import { signIn, startBrowserApp, type BrowserApp } from './support/browser.js';

// The embeddable petition (issue 14): a page on another origin (a second server, another port)
// carries the snippet; with JavaScript it becomes a form that signs through the OSDI helper
// (CORS from the listed origin); without, it is a link to the hosted page.

let t: BrowserApp;
let site: Server;
let siteUrl: string;
let petitionId: string;
const hostedPath = '/petition/fair-process';

beforeAll(async () => {
  t = await startBrowserApp();
  const fixture = await createCampaign(t.database.db, { isDefault: true });
  petitionId = (await createPetition(t.database.db, fixture.campaign.id)).id;
  const snippet = petitionEmbedSnippet({ publicUrl: t.baseUrl, petitionId, title: 'Respect our educators’ choice', hostedUrl: `${t.baseUrl}${hostedPath}` });
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>The union’s own site</title></head><body><main><h1>Stand with our educators</h1>${snippet}</main></body></html>`;
  site = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html));
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  // "localhost" vs "127.0.0.1": another origin than the app's, on another port too.
  siteUrl = `http://localhost:${(site.address() as AddressInfo).port}`;
  await t.database.db.insert(corsOrigins).values({ campaignId: fixture.campaign.id, origin: siteUrl });
});
afterAll(async () => {
  await new Promise((resolve) => site?.close(resolve));
  await t?.close();
});

describe('the petition embedded on another site', () => {
  it('signs through the form the script builds, and the signer is asked to confirm by email', async () => {
    const { context, page, problems } = await t.newPage();
    try {
      await page.goto(siteUrl);
      await page.getByLabel('Email').fill('embedded@mail.example');
      await page.getByLabel('First name').fill('Noor');
      await page.getByLabel('Postal code').fill('M5V 2T6');
      await page.getByRole('button', { name: 'Sign' }).click();
      await page.getByText('Check your email').waitFor();
      const [row] = await t.database.db.select().from(petitionSignatures).where(and(eq(petitionSignatures.petitionId, petitionId), eq(petitionSignatures.email, 'embedded@mail.example')));
      expect(row).toMatchObject({ status: 'pending_confirmation', source: 'osdi', givenName: 'Noor', postalCode: 'M5V 2T6' });
      expect(row?.details.referrerData).toMatchObject({ website: 'localhost' });
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('without JavaScript, is a link to the hosted petition page', async () => {
    const context = await t.browser.newContext({ javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.goto(siteUrl);
      const link = page.getByRole('link', { name: /Sign the petition/ });
      expect(await link.getAttribute('href')).toBe(`${t.baseUrl}${hostedPath}`);
      await link.click();
      await page.waitForURL(`${t.baseUrl}${hostedPath}`);
      expect(await page.getByRole('button', { name: 'Sign the petition' }).count()).toBe(1);
    } finally {
      await context.close();
    }
  });
});

describe('the Integrations page', () => {
  it('creates a key shown once, lists it by its prefix, and revokes it', async () => {
    const fixture = await createCampaign(t.database.db, { slug: 'integrations-page' });
    const admin = await createMember(t.database.db, fixture, 'admin');
    const { context, page, problems } = await t.newPage();
    try {
      await signIn(page, admin.email, TEST_PASSWORD);
      await page.waitForURL('**/dashboard');
      await page.goto(`/app/c/${fixture.campaign.slug}/integrations`);
      await page.getByLabel('Name', { exact: true }).fill('Action Network');
      await page.getByLabel(/Record signatures, RSVPs and sign-ups as confirmed/).check();
      await page.getByRole('button', { name: 'Create key' }).click();
      const secret = page.getByLabel('The new API key');
      await secret.waitFor();
      const token = (await secret.textContent()) ?? '';
      expect(token).toMatch(/^uh_/);
      const row = page.getByRole('row', { name: /Action Network/ });
      await expect(row.textContent()).resolves.toContain('read, write');
      expect(await row.textContent()).not.toContain(token);
      await page.getByRole('button', { name: 'Revoke Action Network' }).click();
      await page.getByText(/revoked/).waitFor();
      const res = await fetch(`${t.baseUrl}/api/v1/petitions/${petitionId}/signatures`, { headers: { 'OSDI-API-Token': token } });
      expect(res.status).toBe(401);

      await page.getByLabel('Address', { exact: true }).fill('https://hooks.union.example/unionhall');
      await page.getByRole('button', { name: 'Add webhook' }).click();
      await expect(page.getByLabel('The webhook’s signing secret').textContent()).resolves.toMatch(/^whsec_/);
      await page.getByRole('row', { name: /hooks\.union\.example/ }).waitFor();
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
