import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import '../src/demo/demo-steps.js';
import { loadDemo } from '../src/demo/load-demo.js';
import { addMember, createAccount, TEST_PASSWORD } from '../test/support/factories.js';
import { campaigns } from '../src/db/schema/index.js';
import { runAxe, runAxeWithJavaScriptOff } from './support/axe.js';
import { startBrowserApp, type BrowserApp } from './support/browser.js';

let t: BrowserApp;
let rallySlug: string;

beforeAll(async () => {
  t = await startBrowserApp();
  // Loaded as of today, as `unionhall serve` does: the demo's own upcoming events are listed too.
  await loadDemo(t.database.db, () => ({ tick: () => undefined, done: () => undefined }), { now: t.services.now() });
  // An upcoming event, so the events pages show a list and the RSVP form.
  const [demo] = await t.database.db.select().from(campaigns);
  const startsAt = new Date(Date.now() + 10 * 24 * 3600_000);
  const event = await t.services.repositories.events.create({
    campaignId: demo!.id,
    slug: 'community-rally',
    kind: 'rally',
    title: 'Community rally for a fair process',
    description: 'Bring your family and your neighbors.',
    location: 'Vista Verde Park',
    startsAt,
    endsAt: new Date(startsAt.getTime() + 2 * 3600_000),
  });
  rallySlug = event.slug;
});
afterAll(async () => t?.close());

const pages = ['/', '/news', '/news/meridian-admits-anti-union-campaign-in-memo', '/endorsements', '/press', '/events', '/events/community-rally', '/news/subscribe'];
const languages = [
  { lang: 'en', header: 'en-US,en;q=0.9', heading: 'Where we stand' },
  { lang: 'es', header: 'es-US,es;q=0.9', heading: 'Dónde estamos' },
] as const;

describe('the public site is accessible (axe-core, WCAG 2.2 AA)', () => {
  for (const { lang, header, heading } of languages) {
    it(`has no violations in ${lang} with JavaScript on`, async () => {
      const context = await t.browser.newContext({ baseURL: t.baseUrl, bypassCSP: true, locale: lang === 'es' ? 'es-US' : 'en-US', extraHTTPHeaders: { 'accept-language': header } });
      try {
        const page = await context.newPage();
        for (const path of pages) {
          const response = await page.goto(path);
          expect(response?.status(), path).toBe(200);
          expect(await page.getAttribute('html', 'lang'), path).toBe(lang);
          expect(await runAxe(page), `${lang} ${path}`).toEqual([]);
        }
        await page.goto('/');
        await expect(page.getByRole('heading', { level: 2, name: heading }).count()).resolves.toBe(1);
      } finally {
        await context.close();
      }
    });

    it(`has no violations in ${lang} with JavaScript off`, async () => {
      for (const path of pages) {
        const { violations, html } = await runAxeWithJavaScriptOff(t.browser, t.baseUrl, path, { 'accept-language': header });
        expect(html).toContain(`<html lang="${lang}"`);
        expect(violations, `${lang} ${path}`).toEqual([]);
      }
    });
  }

  it('really checks: a page with known faults has violations', async () => {
    const context = await t.browser.newContext({ baseURL: t.baseUrl, bypassCSP: true });
    try {
      const page = await context.newPage();
      await page.route(`${t.baseUrl}/broken`, (route) => route.fulfill({ contentType: 'text/html', body: '<html><head><title>x</title></head><body><img src="/assets/none.png"><input></body></html>' }));
      await page.goto('/broken');
      const violations = (await runAxe(page)).join('\n');
      for (const rule of ['html-has-lang', 'image-alt', 'label']) expect(violations).toContain(rule);
    } finally {
      await context.close();
    }
  });

  it('keeps the form accessible when it shows errors', async () => {
    const context = await t.browser.newContext({ baseURL: t.baseUrl, bypassCSP: true });
    try {
      const page = await context.newPage();
      await page.goto(`/events/${rallySlug}`);
      await page.getByRole('button', { name: 'Count me in' }).click();
      await page.getByRole('alert').waitFor();
      expect(await page.getByLabel('Your name').getAttribute('aria-invalid')).toBe('true');
      expect(await runAxe(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('reading and taking part without JavaScript', () => {
  it('switches to Spanish with a plain link, remembers it, and RSVPs through the form', async () => {
    const context = await t.browser.newContext({ baseURL: t.baseUrl, javaScriptEnabled: false, locale: 'en-US' });
    try {
      const page = await context.newPage();
      await page.goto('/');
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Meridian Educators United');
      await expect(page.getByRole('link', { name: 'Sign the petition' }).count()).resolves.toBe(1);
      await page.getByRole('navigation', { name: 'Language' }).getByRole('link', { name: 'Español' }).click();
      await page.getByRole('heading', { name: 'Dónde estamos' }).waitFor();
      await page.getByRole('navigation', { name: 'Sitio de la campaña' }).getByRole('link', { name: 'Eventos' }).click();
      await page.getByRole('heading', { level: 1, name: 'Eventos' }).waitFor();
      await page.getByRole('link', { name: 'Community rally for a fair process' }).click();
      await page.getByLabel('Su nombre').fill('Valeria Ortega');
      await page.getByLabel('Correo electrónico').fill('valeria@community.example');
      await page.getByRole('button', { name: 'Cuenten conmigo' }).click();
      await page.getByText('Registramos su confirmación').waitFor();
      const mail = (await t.services.repositories.mail.list(10, 'all')).find((m) => m.toAddress === 'valeria@community.example');
      expect(mail?.subject).toBe('Su confirmación: Community rally for a fair process');
    } finally {
      await context.close();
    }
  });
});

describe('an organizer publishes a newsletter', () => {
  it('publishes through the API and sees it in the archive and the feed', async () => {
    const [demo] = await t.database.db.select().from(campaigns);
    const organizer = await createAccount(t.database.db);
    await addMember(t.database.db, organizer.id, demo!.id, 'organizer');
    const { context, page, problems } = await t.newPage();
    try {
      await page.goto('/app/');
      await page.getByLabel('Email').fill(organizer.email);
      await page.getByLabel('Password').fill(TEST_PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL('**/dashboard');
      const { token } = (await (await page.request.get('/api/auth/csrf')).json()) as { token: string };
      const created = await page.request.post('/api/campaigns/meridian/newsletters', {
        headers: { 'x-csrf-token': token },
        data: { title: 'Back to school, stronger together', bodyMarkdown: 'We start the year with **more than 150** colleagues.', status: 'published' },
      });
      expect(created.status()).toBe(201);

      await page.goto('/news');
      const link = page.getByRole('link', { name: 'Back to school, stronger together' });
      await link.click();
      await page.getByRole('heading', { level: 1, name: 'Back to school, stronger together' }).waitFor();
      await expect(page.locator('.prose strong').textContent()).resolves.toBe('more than 150');
      const feed = await page.request.get('/news/feed.xml');
      expect(feed.headers()['content-type']).toContain('application/atom+xml');
      const xml = await feed.text();
      expect(xml).toContain('<title type="text">Back to school, stronger together</title>');
      expect(xml).toContain('/news/back-to-school-stronger-together');
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
