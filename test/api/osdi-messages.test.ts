import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newsletters } from '../../src/db/schema/index.js';
import { createCampaign, createMember, TEST_PASSWORD } from '../support/factories.js';
import { createTestApp, type Agent, type TestApp } from '../support/test-app.js';

// OSDI messages: the campaign's newsletters, read-only with a read key (issue 14, decision 0038).

type SpecRequest = { scenario: string; method: string; path: string; headers: Record<string, string>; body: unknown };
const specRequests = JSON.parse(readFileSync(new URL('../fixtures/osdi/spec-message-requests.json', import.meta.url), 'utf8')) as SpecRequest[];
type MessageResource = { identifiers: string[]; name: string; subject: string; body: string; from: string; type: string; status: string; total_targeted: number; browser_url: string; sent_start_date?: string; _links: { self: { href: string } } };
type Page<T> = { total_records: number; per_page: number; total_pages: number; _links: Record<string, { href: string } | { href: string }[]> & { next?: { href: string } }; _embedded: Record<string, T[]> };
type OsdiErrorBody = { response_code: number; resource_status: { error_descriptions: { error_code: string }[] }[]; error: { code: string } };

let t: TestApp;
let admin: Agent;
let sentId: string;
let draftId: string;
const keys = { read: '', organizing: '', other: '' };
const pathOf = (href: string) => href.replace(t.config.publicUrl, '');
const get = (url: string, token?: string) => t.app.inject({ method: 'GET', url, headers: token ? { 'osdi-api-token': token } : {} });

beforeAll(async () => {
  t = await createTestApp({ config: { apiKeyRateLimitPerMinute: 1000 } });
  const fixture = await createCampaign(t.database.db, { slug: 'osdi-news', isDefault: true });
  const other = await createCampaign(t.database.db, { slug: 'osdi-news-other' });
  const published = new Date(Date.now() - 86_400_000);
  const rows = await t.database.db
    .insert(newsletters)
    .values([
      { campaignId: fixture.campaign.id, slug: 'we-filed', title: 'We filed!', bodyMarkdown: 'We **filed** today.', status: 'published', publishAt: published, sentAt: published, sentCount: 412 },
      { campaignId: fixture.campaign.id, slug: 'strike-plans', title: 'Not yet', bodyMarkdown: 'Draft plans.', status: 'draft' },
      { campaignId: other.campaign.id, slug: 'elsewhere', title: 'Elsewhere', bodyMarkdown: 'x', status: 'published', publishAt: published },
    ])
    .returning();
  sentId = rows[0]!.id;
  draftId = rows[1]!.id;
  const account = await createMember(t.database.db, fixture, 'admin');
  admin = t.agent();
  await admin.login(account.email, TEST_PASSWORD);
  const key = async (agent: Agent, slug: string, scopes: string[]) => ((await agent.post(`/api/campaigns/${slug}/api-keys`, { name: scopes.join('+'), scopes })).json() as { token: string }).token;
  keys.read = await key(admin, 'osdi-news', ['read']);
  keys.organizing = await key(admin, 'osdi-news', ['organizing']);
  const otherAdmin = await createMember(t.database.db, other, 'admin');
  const otherAgent = t.agent();
  await otherAgent.login(otherAdmin.email, TEST_PASSWORD);
  keys.other = await key(otherAgent, 'osdi-news-other', ['read']);
});
afterAll(async () => t.close());

describe('messages', () => {
  it('lists the published newsletters of the key’s campaign as emails, never a draft or another campaign’s', async () => {
    expect((await get('/api/v1/messages')).statusCode).toBe(401);
    expect((await get('/api/v1/messages', keys.organizing)).statusCode).toBe(403);
    const res = await get('/api/v1/messages', keys.read);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/hal+json');
    const page = res.json() as Page<MessageResource>;
    expect(page.total_records).toBe(1);
    const [message] = page._embedded['osdi:messages']!;
    expect(message).toMatchObject({ identifiers: [`unionhall:${sentId}`], name: 'we-filed', subject: 'We filed!', type: 'email', status: 'sent', total_targeted: 412, browser_url: `${t.config.publicUrl}/news/we-filed` });
    expect(message!.body).toContain('<strong>filed</strong>');
    expect(message!.from).toBeTruthy();
    expect((await get(pathOf(message!._links.self.href), keys.read)).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: pathOf(message!.browser_url) })).statusCode).toBe(200);
    expect((await get(`/api/v1/messages/${draftId}`, keys.read)).statusCode).toBe(404);
    expect((await get(`/api/v1/messages/${sentId}`, keys.other)).statusCode).toBe(404);
    const others = (await get('/api/v1/messages', keys.other)).json() as Page<MessageResource>;
    expect(others._embedded['osdi:messages']!.map((m) => m.name)).toEqual(['elsewhere']);
  });

  it('filters on identifiers and dates, and pages', async () => {
    const byId = (await get(`/api/v1/messages?filter=${encodeURIComponent(`identifiers eq 'unionhall:${sentId}'`)}`, keys.read)).json() as Page<MessageResource>;
    expect(byId.total_records).toBe(1);
    const future = (await get(`/api/v1/messages?filter=${encodeURIComponent("modified_date gt '2999-01-01'")}`, keys.read)).json() as Page<MessageResource>;
    expect(future.total_records).toBe(0);
    const bad = await get(`/api/v1/messages?filter=${encodeURIComponent('subject eq x')}`, keys.read);
    expect(bad.statusCode).toBe(400);
    const clamped = (await get('/api/v1/messages?per_page=90', keys.read)).json() as Page<MessageResource>;
    expect(clamped.per_page).toBe(25);
  });

  it('replays every example from messages.md: reads succeed, writes get a clear OSDI error', async () => {
    expect(specRequests.length).toBe(6);
    const reads = new Set(['Retrieving a collection of Message resources (GET)', 'Retrieving an individual Message resource (GET)']);
    for (const r of specRequests) {
      const url = r.path.replace(/d32fcdd6-7366-466d-a3b8-7e0d87c3cd8b|d91b4b2e-ae0e-4cd3-9ed7-de9uemdse/g, sentId);
      const res = await t.app.inject({ method: r.method as 'GET', url, headers: { 'content-type': 'application/json', 'osdi-api-token': keys.read }, ...(r.body ? { payload: JSON.stringify(r.body) } : {}) });
      if (reads.has(r.scenario)) {
        expect(res.statusCode, `${r.scenario}: ${res.body}`).toBe(200);
      } else {
        expect(res.statusCode, r.scenario).toBeGreaterThanOrEqual(400);
        expect(res.statusCode, r.scenario).toBeLessThan(500);
        expect((res.json() as OsdiErrorBody).resource_status[0]?.error_descriptions.length, r.scenario).toBeGreaterThan(0);
      }
    }
  });
});
