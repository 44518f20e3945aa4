import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCampaign } from '../support/factories.js';
import { eq } from 'drizzle-orm';
import { newsletterSubscribers } from '../../src/db/schema/index.js';
import { createPetition, csrfFromPage, formBody, solveFromPage } from '../support/petition-helpers.js';
import { createTestApp, type Agent, type TestApp } from '../support/test-app.js';

let t: TestApp;
let slug: string;

beforeAll(async () => {
  t = await createTestApp({ config: { petitionIpHoldPerHour: 100_000, petitionIpLimitPerMinute: 100_000, petitionEmailLimitPerHour: 100 } });
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

async function signViaForm(agent: Agent, fields: Record<string, string>) {
  const page = await agent.get('/petition/fair-process');
  return agent.request({
    method: 'POST',
    url: '/petition/fair-process',
    withCsrf: false,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: formBody({ _csrf: csrfFromPage(page.body), altcha: await solveFromPage(page.body), website: '', given_name: 'Rosa', family_name: 'Delgado', zip: '90011', relationship: 'parent', ...fields }),
  });
}
const subscriberOf = async (email: string) => (await t.database.db.select().from(newsletterSubscribers).where(eq(newsletterSubscribers.email, email)))[0];
// Recipients and bodies are encrypted at rest (decision 0025): read them through the repository, which opens them.
const mailsTo = async (email: string) => (await t.services.repositories.mail.list(500, 'all')).filter((m) => m.toAddress === email);
const kindsMailedTo = async (email: string) => (await mailsTo(email)).map((m) => m.kind).sort();

describe('"keep me updated" on the petition', () => {
  it('is offered unticked, and subscribes only by double opt-in when ticked', async () => {
    const page = await t.agent().get('/petition/fair-process');
    const box = /<input[^>]*name="keep_updated"[^>]*>/.exec(page.body)?.[0];
    expect(box).toContain('type="checkbox"');
    expect(box).not.toContain('checked');

    expect((await signViaForm(t.agent(), { email: 'quiet@example.org' })).statusCode).toBe(303);
    expect(await subscriberOf('quiet@example.org')).toBeUndefined();
    expect(await kindsMailedTo('quiet@example.org')).toEqual(['petition_confirmation']);

    expect((await signViaForm(t.agent(), { email: 'updates@example.org', keep_updated: 'yes' })).statusCode).toBe(303);
    const pending = await subscriberOf('updates@example.org');
    // Asked, not subscribed: the newsletter goes only once they open the subscription link.
    expect(pending).toMatchObject({ confirmedAt: null, lang: 'en' });
    expect(await kindsMailedTo('updates@example.org')).toEqual(['newsletter_subscribe', 'petition_confirmation']);
    const [mail] = (await mailsTo('updates@example.org')).filter((m) => m.kind === 'newsletter_subscribe');
    const link = new URL(/https?:\/\/\S+\/news\/subscribe\/confirm\?\S+/.exec(mail!.textBody)![0]);
    expect((await t.agent().get(link.pathname + link.search)).statusCode).toBe(200);
    expect((await subscriberOf('updates@example.org'))?.confirmedAt).toBeInstanceOf(Date);
  });
});
