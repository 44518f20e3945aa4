import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCardText } from '../support/card-fixtures.js';
import { createCampaign, createMember, TEST_PASSWORD, type CampaignFixture } from '../support/factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let f: CampaignFixture;

beforeAll(async () => {
  t = await createTestApp();
  f = await createCampaign(t.database.db, { sites: 1, perSite: 2 });
  await addCardText(t.database.db, f.campaign.id);
});
afterAll(async () => t.close());

const sessionCookieOf = (setCookie: string | string[] | undefined): string => {
  const all = Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : [];
  const found = all.find((c) => c.startsWith('uh_session='));
  if (!found) throw new Error('no session cookie');
  return found;
};

describe('what a shared computer keeps', () => {
  it('a sign-in without "keep me signed in" sets a cookie that ends with the browser; with it, one that lasts the session limit', async () => {
    const account = await createMember(t.database.db, f, 'organizer');
    const plain = await t.agent().post('/api/auth/login', { email: account.email, password: TEST_PASSWORD });
    expect(plain.statusCode).toBe(200);
    expect(sessionCookieOf(plain.headers['set-cookie'])).not.toMatch(/Max-Age|Expires/i);
    const kept = await t.agent().post('/api/auth/login', { email: account.email, password: TEST_PASSWORD, keepSignedIn: true });
    expect(kept.statusCode).toBe(200);
    expect(sessionCookieOf(kept.headers['set-cookie'])).toContain(`Max-Age=${t.config.sessionAbsoluteHours * 3600}`);
  });

  it('answers every organizer API request, personal data or refusal, with Cache-Control: no-store', async () => {
    const account = await createMember(t.database.db, f, 'organizer');
    const agent = t.agent();
    await agent.login(account.email, TEST_PASSWORD);
    for (const url of ['/api/auth/me', `/api/campaigns/${f.campaign.slug}/cards`, `/api/campaigns/${f.campaign.slug}/people`, '/api/no-such-thing']) {
      const res = await agent.get(url);
      expect(res.headers['cache-control'], url).toBe('no-store');
    }
    expect((await t.agent().get('/api/auth/me')).headers['cache-control']).toBe('no-store');
  });

  it('the card form turns autofill off on the form and on every field with the signer\'s name or contact', async () => {
    const res = await t.agent().get(`/c/${f.campaign.slug}/card`);
    expect(res.headers['cache-control']).toBe('no-store');
    // HTML attribute names are case-insensitive (React writes autoComplete).
    expect(res.body).toMatch(/<form[^>]*autocomplete="off"/i);
    for (const name of ['legal_name', 'email', 'phone', 'job_title', 'signature']) {
      expect(res.body, name).toMatch(new RegExp(`<input[^>]*name="${name}"[^>]*autocomplete="off"|<input[^>]*autocomplete="off"[^>]*name="${name}"`, 'i'));
    }
  });
});
