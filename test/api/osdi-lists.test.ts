import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { committeeAssignments } from '../../src/db/schema/index.js';
import { createCampaign, createMember, TEST_PASSWORD, type CampaignFixture } from '../support/factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// Committee lists as OSDI lists and items (issue 14, decision 0036): organizing keys only.

type Link = { href: string };
type List = { name: string; total_items: number; _links: Record<string, Link> };
type Item = { item_type: string; _links: Record<string, Link> };
type Page<T> = { total_records: number; _links: Record<string, Link | Link[]> & { next?: Link }; _embedded: Record<string, T[]> };

let t: TestApp;
let fixture: CampaignFixture;
const keys = { read: '', organizing: '', other: '' };
let listId = '';

const get = (url: string, token?: string) => t.app.inject({ method: 'GET', url, headers: token ? { 'osdi-api-token': token } : {} });
const pathOf = (href: string) => href.replace(t.config.publicUrl, '');

beforeAll(async () => {
  t = await createTestApp({ config: { apiKeyRateLimitPerMinute: 1000 } });
  fixture = await createCampaign(t.database.db, { slug: 'lists-home', sites: 1, perSite: 3 });
  const other = await createCampaign(t.database.db, { slug: 'lists-other', sites: 1, perSite: 1 });
  const admin = t.agent();
  await admin.login((await createMember(t.database.db, fixture, 'admin')).email, TEST_PASSWORD);
  keys.read = ((await admin.post('/api/campaigns/lists-home/api-keys', { name: 'Reader', scopes: ['read', 'write'] })).json() as { token: string }).token;
  keys.organizing = ((await admin.post('/api/campaigns/lists-home/api-keys', { name: 'Organizer', scopes: ['organizing'] })).json() as { token: string }).token;
  const otherAdmin = t.agent();
  await otherAdmin.login((await createMember(t.database.db, other, 'admin')).email, TEST_PASSWORD);
  keys.other = ((await otherAdmin.post('/api/campaigns/lists-other/api-keys', { name: 'o', scopes: ['organizing'] })).json() as { token: string }).token;
  const member = await createMember(t.database.db, fixture, 'committee');
  listId = member.id;
  await t.database.db.insert(committeeAssignments).values(fixture.people.slice(0, 2).map((p) => ({ personId: p.id, campaignId: fixture.campaign.id, accountId: member.id })));
});
afterAll(async () => t.close());

describe('committee lists', () => {
  it('lists each committee member’s list to an organizing key, with its items linking to roster people', async () => {
    const res = await get('/api/v1/lists', keys.organizing);
    expect(res.statusCode, res.body).toBe(200);
    const page = res.json() as Page<List>;
    expect(page.total_records).toBe(1);
    const list = page._embedded['osdi:lists']![0]!;
    expect(list.total_items).toBe(2);
    expect(pathOf(list._links.self!.href)).toBe(`/api/v1/lists/${listId}`);
    expect((await get(pathOf(list._links.self!.href), keys.organizing)).statusCode).toBe(200);
    const items = (await get(`${pathOf(list._links['osdi:items']!.href)}?per_page=1`, keys.organizing)).json() as Page<Item>;
    expect(items.total_records).toBe(2);
    const next = (await get(pathOf(items._links.next!.href), keys.organizing)).json() as Page<Item>;
    const people = [...items._embedded['osdi:items']!, ...next._embedded['osdi:items']!].map((i) => pathOf(i._links['osdi:person']!.href)).sort();
    expect(people).toEqual(fixture.people.slice(0, 2).map((p) => `/api/v1/people/${p.id}`).sort());
    const item = items._embedded['osdi:items']![0]!;
    for (const rel of ['self', 'osdi:list', 'osdi:person']) expect((await get(pathOf(item._links[rel]!.href), keys.organizing)).statusCode, rel).toBe(200);
  });

  it('refuses a read key (403) everywhere, and a filter (400); another campaign finds nothing', async () => {
    for (const url of ['/api/v1/lists', `/api/v1/lists/${listId}`, `/api/v1/lists/${listId}/items`, `/api/v1/lists/${listId}/items/${fixture.people[0]!.id}`]) {
      const res = await get(url, keys.read);
      expect(res.statusCode, url).toBe(403);
    }
    expect((await get(`/api/v1/lists/${listId}/items/${fixture.people[2]!.id}`, keys.organizing)).statusCode).toBe(404);
    expect((await get(`/api/v1/lists?filter=${encodeURIComponent("modified_date gt '2020-01-01'")}`, keys.organizing)).statusCode).toBe(400);
    expect((await get(`/api/v1/lists/${listId}`, keys.other)).statusCode).toBe(404);
    expect(((await get('/api/v1/lists', keys.other)).json() as Page<List>).total_records).toBe(0);
    expect((await get('/api/v1/lists')).statusCode).toBe(401);
  });
});
