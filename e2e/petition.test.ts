import type { Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mailMessages, petitionSignatures } from '../src/db/schema/index.js';
import { createCampaign, createMember, TEST_PASSWORD, type CampaignFixture } from '../test/support/factories.js';
import { createPetition } from '../test/support/petition-helpers.js';
import { runAxe, runAxeWithJavaScriptOff } from './support/axe.js';
import { signIn, startBrowserApp, type BrowserApp } from './support/browser.js';

let t: BrowserApp;
let fixture: CampaignFixture;
let petitionId: string;
beforeAll(async () => {
  t = await startBrowserApp();
  fixture = await createCampaign(t.database.db, { isDefault: true });
  petitionId = (await createPetition(t.database.db, fixture.campaign.id)).id;
});
afterAll(async () => t?.close());

const signature = async (email: string) => {
  const [row] = await t.database.db.select().from(petitionSignatures).where(and(eq(petitionSignatures.petitionId, petitionId), eq(petitionSignatures.email, email)));
  return row;
};

async function fillAndSign(page: Page, email: string): Promise<void> {
  await page.goto('/petition/fair-process');
  await page.getByLabel('First name', { exact: true }).fill('Leticia');
  await page.getByLabel('Last name', { exact: true }).fill('Marquez');
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('ZIP code', { exact: true }).fill('90255');
  await page.getByLabel('City (optional)', { exact: true }).fill('Huntington Park');
  await page.getByLabel('Parent or guardian of a student').check();
  await page.getByLabel('Show my first name, last initial and city on this page').check();
  await page.getByRole('button', { name: 'Sign the petition' }).click();
  await page.getByRole('heading', { name: 'Check your email' }).waitFor();
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
type Violation = { id: string; help: string; nodes: { target: string[] }[] };

/** axe-core in the page (the context bypasses the CSP to inject it), WCAG 2.2 A/AA and best practices. */
async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (d: Document, o: unknown) => Promise<{ violations: Violation[] }> } }).axe;
    return (await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } })).violations;
  });
  return violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe('accessibility of the petition pages', () => {
  it('has no axe violations on the page, the page with errors, and the thanks page', async () => {
    const context = await t.browser.newContext({ baseURL: t.baseUrl, bypassCSP: true });
    try {
      const page = await context.newPage();
      await page.goto('/petition/fair-process');
      expect(await axeViolations(page)).toEqual([]);
      // Submit with everything empty (the browser's own checks skipped) to get the server's errors.
      await page.evaluate(() => document.getElementById('petition-form')?.setAttribute('novalidate', ''));
      await page.evaluate(() => (document.getElementById('f-altcha') as HTMLInputElement | null)?.form?.requestSubmit());
      await page.getByText('Please correct these fields').waitFor();
      expect(await axeViolations(page)).toEqual([]);
      await page.goto('/petition/fair-process/thanks');
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('signing the petition in Chromium', () => {
  it('with JavaScript: the proof of work is solved, the signature is pending, the email link counts it', async () => {
    const { context, page, problems } = await t.newPage();
    try {
      await fillAndSign(page, 'leticia.js@mail.example');
      expect(await signature('leticia.js@mail.example')).toMatchObject({ status: 'pending_confirmation', holdReason: null });
      const [mail] = await t.database.db.select().from(mailMessages).where(eq(mailMessages.toAddress, 'leticia.js@mail.example'));
      const link = /(http:\/\/\S+confirm\?token=[\w-]+)/.exec(mail?.textBody ?? '')?.[1];
      expect(link).toBeDefined();
      await page.goto(t.local(link!));
      await page.getByRole('heading', { name: 'Thank you: your signature is confirmed' }).waitFor();
      await expect(page.locator('.petition-count strong').textContent()).resolves.toBe('1');
      await page.goto('/petition/fair-process');
      await expect(page.locator('.petition-signers').textContent()).resolves.toContain('Leticia M.');
      // The strict CSP refused nothing: no inline script or style on these pages.
      expect(problems.filter((p) => !p.includes('favicon.ico') && !p.startsWith('Failed to load resource'))).toEqual([]);
      expect(problems.filter((p) => p.startsWith('404 '))).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('without JavaScript: the form still works; the signature waits for review', async () => {
    const context = await t.browser.newContext({ baseURL: t.baseUrl, javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await fillAndSign(page, 'leticia.nojs@mail.example');
      expect(await signature('leticia.nojs@mail.example')).toMatchObject({ status: 'held_for_review', holdReason: 'proof_of_work_missing' });
    } finally {
      await context.close();
    }
  });

  it('an organizer approves a held signature in the app', async () => {
    const organizer = await createMember(t.database.db, fixture, 'organizer');
    const { context, page, problems } = await t.newPage();
    try {
      await signIn(page, organizer.email, TEST_PASSWORD);
      await page.waitForURL('**/dashboard');
      await page.goto(`/app/c/${fixture.campaign.slug}/petitions`);
      await page.getByRole('heading', { level: 1, name: 'Petitions' }).waitFor();
      await page.getByRole('button', { name: /Review held signatures of/ }).click();
      await page.getByRole('button', { name: 'Approve the signature of Leticia Marquez' }).click();
      await page.getByText('Approved Leticia Marquez').waitFor();
      expect(await signature('leticia.nojs@mail.example')).toMatchObject({ status: 'pending_confirmation' });
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('the petition in Spanish', () => {
  const spanish = { 'accept-language': 'es-US,es;q=0.9' };

  it('has no axe violations in Spanish: the page, the page with errors, the thanks page (JavaScript on and off)', async () => {
    const context = await t.browser.newContext({ baseURL: t.baseUrl, bypassCSP: true, locale: 'es-US', extraHTTPHeaders: spanish });
    try {
      const page = await context.newPage();
      await page.goto('/petition/fair-process');
      expect(await page.getAttribute('html', 'lang')).toBe('es');
      await page.getByRole('heading', { level: 2, name: 'Firme la petición' }).waitFor();
      expect(await runAxe(page)).toEqual([]);
      await page.evaluate(() => document.getElementById('petition-form')?.setAttribute('novalidate', ''));
      await page.evaluate(() => (document.getElementById('f-altcha') as HTMLInputElement | null)?.form?.requestSubmit());
      await page.getByText('Corrija estos campos').waitFor();
      expect(await page.getByLabel('Nombre', { exact: true }).getAttribute('aria-invalid')).toBe('true');
      expect(await runAxe(page)).toEqual([]);
      await page.goto('/petition/fair-process/thanks');
      await page.getByRole('heading', { level: 1, name: 'Revise su correo electrónico' }).waitFor();
      expect(await runAxe(page)).toEqual([]);
    } finally {
      await context.close();
    }
    for (const path of ['/petition/fair-process', '/petition/fair-process/thanks']) {
      const { violations, html } = await runAxeWithJavaScriptOff(t.browser, t.baseUrl, path, spanish);
      expect(html).toContain('<html lang="es"');
      expect(violations, path).toEqual([]);
    }
  });

  it('switches to Spanish with the plain link and signs without JavaScript; the email and the confirmation are in Spanish', async () => {
    const context = await t.browser.newContext({ baseURL: t.baseUrl, javaScriptEnabled: false, locale: 'en-US' });
    try {
      const page = await context.newPage();
      await page.goto('/petition/fair-process');
      await page.getByRole('navigation', { name: 'Language' }).getByRole('link', { name: 'Español' }).click();
      await page.getByRole('heading', { level: 2, name: 'Firme la petición' }).waitFor();
      await page.getByLabel('Nombre', { exact: true }).fill('Guadalupe');
      await page.getByLabel('Apellido', { exact: true }).fill('Reyes');
      await page.getByLabel('Correo electrónico', { exact: true }).fill('guadalupe.es@mail.example');
      await page.getByLabel('Código postal', { exact: true }).fill('90255');
      await page.getByLabel('Madre, padre o tutor de un estudiante').check();
      await page.getByRole('button', { name: 'Firmar la petición' }).click();
      await page.getByRole('heading', { name: 'Revise su correo electrónico' }).waitFor();
      const [mail] = await t.database.db.select().from(mailMessages).where(eq(mailMessages.toAddress, 'guadalupe.es@mail.example'));
      expect(mail?.subject).toBe('Confirme su firma: Respect our educators’ choice');
      const link = /(http:\/\/\S+confirm\?token=[\w-]+)/.exec(mail?.textBody ?? '')?.[1];
      expect(link).toBeDefined();
      await page.goto(t.local(link!));
      await page.getByRole('heading', { name: 'Gracias: su firma está confirmada' }).waitFor();
      expect(await signature('guadalupe.es@mail.example')).toMatchObject({ holdReason: 'proof_of_work_missing' });
    } finally {
      await context.close();
    }
  });
});
