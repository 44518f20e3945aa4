import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accounts, auditEvents } from '../../src/db/schema/index.js';
import { addCardText, signByForm } from '../support/card-fixtures.js';
import { createAccount, createCampaign, createMember, TEST_PASSWORD, type CampaignFixture } from '../support/factories.js';
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

describe('the instance outbox, scoped', () => {
  it('shows a campaign\'s card confirmations only to its members, or in an audited cross-campaign view', async () => {
    await signByForm(t.agent(), `/c/${f.campaign.slug}/card`, { legal_name: 'Outbox Scoped', email: 'outbox.scoped@mail.example', phone: '3235550111', worksite_id: f.sites[0]!.id, job_title: 'Teacher' });
    const admin = await createAccount(t.database.db, { instanceAdmin: true });
    const agent = t.agent();
    await agent.login(admin.email, TEST_PASSWORD);
    const recipients = async (url: string) => ((await agent.get(url)).json() as { messages: { to: string }[] }).messages.map((m) => m.to);

    expect(await recipients('/api/admin/outbox')).not.toContain('outbox.scoped@mail.example');
    expect(await recipients('/api/admin/outbox?allCampaigns=true')).toContain('outbox.scoped@mail.example');
    const actions = (await t.database.db.select().from(auditEvents).where(eq(auditEvents.actorAccountId, admin.id))).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['outbox.viewed', 'outbox.viewed_all_campaigns']));

    const member = await createMember(t.database.db, f, 'admin');
    await t.database.db.update(accounts).set({ instanceAdmin: true }).where(eq(accounts.id, member.id));
    const memberAgent = t.agent();
    await memberAgent.login(member.email, TEST_PASSWORD);
    const own = ((await memberAgent.get('/api/admin/outbox')).json() as { messages: { to: string }[] }).messages.map((m) => m.to);
    expect(own).toContain('outbox.scoped@mail.example');
  });
});
