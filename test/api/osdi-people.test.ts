import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventRsvps, events, newsletterSubscribers } from '../../src/db/schema/index.js';
import { createCampaign, createMember, TEST_PASSWORD, type CampaignFixture } from '../support/factories.js';
import { createPetition } from '../support/petition-helpers.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// OSDI people (issue 14, decision 0036): the public side for read keys, the roster for organizing keys.

type Link = { href: string };
type Person = { identifiers: string[]; given_name?: string; family_name?: string; email_addresses: { address: string; status?: string }[]; phone_numbers: { number: string }[]; postal_addresses: Record<string, unknown>[]; created_date: string; modified_date: string; _links: Record<string, Link> };
type Page = { total_pages: number; per_page: number; page: number; total_records: number; _links: Record<string, Link | Link[]> & { next?: Link; previous?: Link }; _embedded: { 'osdi:people': Person[] } };
type OsdiError = { response_code: number; resource_status: { error_descriptions: { error_code: string; properties?: string[] }[] }[]; error: { code: string } };

let t: TestApp;
let fixture: CampaignFixture;
let petitionId: string;
const keys = { read: '', write: '', organizing: '', both: '', other: '' };

const get = (url: string, token?: string) => t.app.inject({ method: 'GET', url, headers: token ? { 'osdi-api-token': token } : {} });
const post = (url: string, body: unknown, token?: string) => t.app.inject({ method: 'POST', url, headers: { 'content-type': 'application/json', ...(token ? { 'osdi-api-token': token } : {}) }, payload: JSON.stringify(body) });
const pathOf = (href: string) => href.replace(t.config.publicUrl, '');
const emailsOf = (page: Page) => page._embedded['osdi:people'].map((p) => p.email_addresses[0]?.address);

beforeAll(async () => {
  t = await createTestApp({ config: { apiKeyRateLimitPerMinute: 1000 } });
  fixture = await createCampaign(t.database.db, { slug: 'people-home', sites: 1, perSite: 2 });
  const other = await createCampaign(t.database.db, { slug: 'people-other', sites: 1, perSite: 1 });
  petitionId = (await createPetition(t.database.db, fixture.campaign.id)).id;
  const admin = t.agent();
  await admin.login((await createMember(t.database.db, fixture, 'admin')).email, TEST_PASSWORD);
  const key = async (scopes: string[]) => ((await admin.post('/api/campaigns/people-home/api-keys', { name: scopes.join('+'), scopes })).json() as { token: string }).token;
  keys.read = await key(['read']);
  keys.write = await key(['read', 'write']);
  keys.organizing = await key(['organizing']);
  keys.both = await key(['read', 'organizing']);
  const otherAdmin = t.agent();
  await otherAdmin.login((await createMember(t.database.db, other, 'admin')).email, TEST_PASSWORD);
  keys.other = ((await otherAdmin.post('/api/campaigns/people-other/api-keys', { name: 'other', scopes: ['read'] })).json() as { token: string }).token;

  // The public side, from each place it is kept: a signer (twice, once as a subscriber too), a subscriber, an RSVP.
  const signed = await post(`/api/v1/petitions/${petitionId}/signatures`, { identifiers: ['action_network:sig-1'], person: { identifiers: ['action_network:p-1'], given_name: 'Ana', family_name: 'Ruiz', email_addresses: [{ address: 'Ana@Mail.example' }], postal_addresses: [{ postal_code: 'SW1A 1AA', country: 'GB' }] } }, keys.write);
  expect(signed.statusCode, signed.body).toBe(200);
  await t.database.db.insert(newsletterSubscribers).values([
    { campaignId: fixture.campaign.id, email: 'ana@mail.example', confirmedAt: new Date() },
    { campaignId: fixture.campaign.id, email: 'ben@mail.example', confirmedAt: new Date() },
    { campaignId: fixture.campaign.id, email: 'pending@mail.example' },
  ]);
  const [event] = await t.database.db.insert(events).values({ campaignId: fixture.campaign.id, slug: 'meet', kind: 'meeting', title: 'Meet', startsAt: new Date(), endsAt: new Date() }).returning();
  await t.database.db.insert(eventRsvps).values({ eventId: event!.id, name: 'Cleo Diaz', email: 'cleo@mail.example', phone: '+44 20 7946 0000' });
  // An internal meeting's RSVP is not the public side: who goes to union meetings never leaves.
  const [internal] = await t.database.db.insert(events).values({ campaignId: fixture.campaign.id, slug: 'internal', kind: 'meeting', title: 'Committee', startsAt: new Date(), endsAt: new Date(), isPublic: false }).returning();
  await t.database.db.insert(eventRsvps).values({ eventId: internal!.id, name: 'Dee Quiet', email: 'dee@mail.example' });
});
afterAll(async () => t.close());

describe('the people collection', () => {
  it('shows a read key the public side, one person per address, never the roster', async () => {
    const res = await get('/api/v1/people', keys.read);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('application/hal+json');
    const page = res.json() as Page;
    expect(page.total_records).toBe(3);
    expect(emailsOf(page).sort()).toEqual(['ana@mail.example', 'ben@mail.example', 'cleo@mail.example']);
    const ana = page._embedded['osdi:people'].find((p) => p.email_addresses[0]?.address === 'ana@mail.example');
    expect(ana).toMatchObject({ given_name: 'Ana', family_name: 'Ruiz', email_addresses: [{ status: 'subscribed' }], postal_addresses: [{ postal_code: 'SW1A 1AA', country: 'GB' }] });
    expect(ana?.identifiers).toEqual(expect.arrayContaining(['action_network:p-1', 'action_network:sig-1']));
    const cleo = page._embedded['osdi:people'].find((p) => p.email_addresses[0]?.address === 'cleo@mail.example');
    expect(cleo?.phone_numbers[0]?.number).toBe('+44 20 7946 0000');
    expect(res.body).not.toContain('Given0');
    expect(res.body).not.toContain('dee@mail.example');
    // Every item's link resolves to the same person.
    for (const link of page._links['osdi:people'] as Link[]) expect((await get(pathOf(link.href), keys.read)).statusCode).toBe(200);
  });

  it('shows an organizing key the roster and not the public side; a key with both sees both', async () => {
    const roster = (await get('/api/v1/people', keys.organizing)).json() as Page;
    expect(roster.total_records).toBe(2);
    expect(roster._embedded['osdi:people'].map((p) => p.given_name).sort()).toEqual(['Given00', 'Given01']);
    expect(JSON.stringify(roster)).not.toContain('mail.example');
    const both = (await get('/api/v1/people?per_page=4', keys.both)).json() as Page;
    expect(both.total_records).toBe(5);
    expect(both._embedded['osdi:people']).toHaveLength(4);
    expect(both._links.next).toBeDefined();
    const rest = (await get(pathOf(both._links.next!.href), keys.both)).json() as Page;
    expect(rest._embedded['osdi:people']).toHaveLength(1);
    const all = [...both._embedded['osdi:people'], ...rest._embedded['osdi:people']].map((p) => p.identifiers[0]);
    expect(new Set(all).size).toBe(5);
  });

  it('pages with next and previous, clamps per_page, and keeps the filter in the links', async () => {
    const first = (await get('/api/v1/people?per_page=2', keys.read)).json() as Page;
    expect(first).toMatchObject({ page: 1, per_page: 2, total_pages: 2, total_records: 3 });
    expect(first._links.previous).toBeUndefined();
    const second = (await get(pathOf(first._links.next!.href), keys.read)).json() as Page;
    expect(second.page).toBe(2);
    expect(second._links.next).toBeUndefined();
    expect(pathOf(second._links.previous!.href)).toBe('/api/v1/people?page=1&per_page=2');
    expect(((await get('/api/v1/people?per_page=500', keys.read)).json() as Page).per_page).toBe(25);
    const filtered = (await get(`/api/v1/people?per_page=1&filter=${encodeURIComponent("created_date gt '2000-01-01'")}`, keys.read)).json() as Page;
    expect(new URL(filtered._links.next!.href).searchParams.get('filter')).toBe("created_date gt '2000-01-01'");
  });

  it('filters on email, identifiers, created_date and modified_date', async () => {
    const q = async (filter: string, token = keys.read) => (await get(`/api/v1/people?filter=${encodeURIComponent(filter)}`, token)).json() as Page;
    expect(emailsOf(await q("email eq 'ANA@mail.example'"))).toEqual(['ana@mail.example']);
    expect(emailsOf(await q("identifiers eq 'action_network:p-1'"))).toEqual(['ana@mail.example']);
    const ben = (await q("email eq 'ben@mail.example'"))._embedded['osdi:people'][0]!;
    expect(emailsOf(await q(`identifiers eq '${ben.identifiers[0]}'`))).toEqual(['ben@mail.example']);
    expect((await q("modified_date gt '2999-01-01'")).total_records).toBe(0);
    expect((await q("created_date lt '2999-01-01' and modified_date gt '2000-01-01'")).total_records).toBe(3);
    // A roster educator is never found by a read key's filter.
    expect((await q("identifiers eq 'unionhall:" + fixture.people[0]!.id + "'")).total_records).toBe(0);
    expect((await q("identifiers eq 'unionhall:" + fixture.people[0]!.id + "'", keys.organizing)).total_records).toBe(1);
    const bad = await get(`/api/v1/people?filter=${encodeURIComponent("given_name eq 'Ana'")}`, keys.read);
    expect(bad.statusCode).toBe(400);
    expect((bad.json() as OsdiError).resource_status[0]?.error_descriptions[0]?.properties).toEqual(['filter']);
    expect((bad.json() as OsdiError & { error: { fields: { field: string }[] } }).error.fields[0]?.field).toBe('query.filter');
  });
});

describe('one person, and the privacy rule', () => {
  it('answers a public-side person to a read key, with links that resolve', async () => {
    const page = (await get(`/api/v1/people?filter=${encodeURIComponent("email eq 'cleo@mail.example'")}`, keys.read)).json() as Page;
    const self = page._embedded['osdi:people'][0]!._links.self!.href;
    const res = await get(pathOf(self), keys.read);
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.json()).toMatchObject({ given_name: 'Cleo Diaz', _links: { self: { href: self }, curies: [{ name: 'osdi' }] } });
  });

  it('gives a read key 403 for a roster educator, and an organizing key 403 for a public-side person', async () => {
    const educator = `/api/v1/people/${fixture.people[0]!.id}`;
    const refused = await get(educator, keys.read);
    expect(refused.statusCode).toBe(403);
    expect((refused.json() as OsdiError)).toMatchObject({ response_code: 403, error: { code: 'forbidden' } });
    const seen = await get(educator, keys.organizing);
    expect(seen.statusCode).toBe(200);
    expect(seen.json()).toMatchObject({ given_name: 'Given00', family_name: 'Family00' });
    const ben = ((await get(`/api/v1/people?filter=${encodeURIComponent("email eq 'ben@mail.example'")}`, keys.read)).json() as Page)._embedded['osdi:people'][0]!;
    expect((await get(pathOf(ben._links.self!.href), keys.organizing)).statusCode).toBe(403);
  });

  it('answers 401 without a key, 404 for another campaign’s person or a made-up id', async () => {
    expect((await get('/api/v1/people')).statusCode).toBe(401);
    expect((await get(`/api/v1/people/${fixture.people[0]!.id}`, 'uh_wrong')).statusCode).toBe(401);
    expect((await get(`/api/v1/people/${fixture.people[0]!.id}`, keys.other)).statusCode).toBe(404);
    expect(((await get('/api/v1/people', keys.other)).json() as Page).total_records).toBe(0);
    expect((await get('/api/v1/people/not-an-id', keys.read)).statusCode).toBe(404);
  });

  it('links the collection from the entry point', async () => {
    const entry = (await get('/api/v1')).json() as { _links: Record<string, Link> };
    expect(pathOf(entry._links['osdi:people']!.href)).toBe('/api/v1/people');
  });
});
