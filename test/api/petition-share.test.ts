import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCampaign } from '../support/factories.js';
import { createPetition } from '../support/petition-helpers.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let slug: string;

beforeAll(async () => {
  t = await createTestApp();
  const fixture = await createCampaign(t.database.db, { isDefault: true });
  slug = fixture.campaign.slug;
  await createPetition(t.database.db, fixture.campaign.id, { slug: 'fair-process' });
});
afterAll(async () => t.close());

describe('share links on the petition thank-you page', () => {
  it('offers the petition address and plain share links, with no third-party script', async () => {
    const page = await t.agent().get('/petition/fair-process/thanks');
    expect(page.statusCode).toBe(200);
    const absolute = `${t.config.publicUrl}/petition/fair-process`;
    expect(page.body).toContain('Share the petition');
    expect(page.body).toContain(`<a href="${absolute}">${absolute}</a>`);
    const list = /<ul class="share-links">(.*?)<\/ul>/s.exec(page.body)?.[1] ?? '';
    const hrefs = [...list.matchAll(/<a href="([^"]+)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));
    expect(hrefs.map((href) => new URL(href).protocol + (new URL(href).hostname || ''))).toEqual(['mailto:', 'https:wa.me', 'https:www.facebook.com', 'https:x.com', 'https:bsky.app']);
    for (const href of hrefs) expect(decodeURIComponent(href)).toContain(absolute);
    // Only our own scripts, never a share widget's.
    expect([...page.body.matchAll(/<script[^>]*src="([^"]+)"/g)].every((m) => m[1]!.startsWith('/assets/'))).toBe(true);
  });

  it('shares the campaign address under /c/{campaign}, in the visitor\'s language', async () => {
    const page = await t.agent().get(`/c/${slug}/petition/fair-process/thanks?lang=es`);
    expect(page.body).toContain('Comparta la petición');
    expect(page.body).toContain(`${t.config.publicUrl}/c/${slug}/petition/fair-process`);
  });
});
