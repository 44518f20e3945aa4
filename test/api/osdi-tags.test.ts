import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCampaign, createMember, TEST_PASSWORD, type CampaignFixture } from '../support/factories.js';
import { createPetition } from '../support/petition-helpers.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// OSDI tags and taggings (issue 14, decision 0036).

type Link = { href: string };
type Tag = { identifiers: string[]; name: string; description?: string; origin_system: string; _links: Record<string, Link> };
type Tagging = { identifiers: string[]; item_type: string; _links: Record<string, Link> };
type Page<T> = { total_records: number; _links: Record<string, Link | Link[]> & { next?: Link }; _embedded: Record<string, T[]> };

let t: TestApp;
let fixture: CampaignFixture;
const keys = { read: '', write: '', organizing: '', other: '' };
let signerHref = '';

const req = (method: 'GET' | 'POST' | 'DELETE', url: string, token?: string, body?: unknown) =>
  t.app.inject({ method, url, headers: { ...(token ? { 'osdi-api-token': token } : {}), ...(body ? { 'content-type': 'application/json' } : {}) }, ...(body ? { payload: JSON.stringify(body) } : {}) });
const pathOf = (href: string) => href.replace(t.config.publicUrl, '');

beforeAll(async () => {
  t = await createTestApp({ config: { apiKeyRateLimitPerMinute: 1000 } });
  fixture = await createCampaign(t.database.db, { slug: 'tags-home', sites: 1, perSite: 1 });
  const other = await createCampaign(t.database.db, { slug: 'tags-other', sites: 1, perSite: 1 });
  const admin = t.agent();
  await admin.login((await createMember(t.database.db, fixture, 'admin')).email, TEST_PASSWORD);
  const key = async (scopes: string[]) => ((await admin.post('/api/campaigns/tags-home/api-keys', { name: scopes.join('+'), scopes })).json() as { token: string }).token;
  keys.read = await key(['read']);
  keys.write = await key(['read', 'write']);
  keys.organizing = await key(['organizing']);
  const otherAdmin = t.agent();
  await otherAdmin.login((await createMember(t.database.db, other, 'admin')).email, TEST_PASSWORD);
  keys.other = ((await otherAdmin.post('/api/campaigns/tags-other/api-keys', { name: 'o', scopes: ['read', 'write'] })).json() as { token: string }).token;
  // A person known only from a petition signature: tagging them makes their supporter row.
  const petition = await createPetition(t.database.db, fixture.campaign.id);
  expect((await req('POST', `/api/v1/petitions/${petition.id}/signatures`, keys.write, { person: { given_name: 'Sol', email_addresses: [{ address: 'sol@mail.example' }] } })).statusCode).toBe(200);
  const people = (await req('GET', '/api/v1/people', keys.read)).json() as Page<{ _links: Record<string, Link> }>;
  signerHref = people._embedded['osdi:people']![0]!._links.self!.href;
});
afterAll(async () => t.close());

describe('tags', () => {
  it('creates a tag with a write key; the same name again answers the same tag with the new foreign id', async () => {
    const made = await req('POST', '/api/v1/tags', keys.write, { name: 'Volunteers', description: 'Signed up to help.', identifiers: ['action_network:t-1'], origin_system: 'OpenSupporter' });
    expect(made.statusCode, made.body).toBe(200);
    const tag = made.json() as Tag;
    expect(tag).toMatchObject({ name: 'Volunteers', description: 'Signed up to help.', origin_system: 'OpenSupporter (API key read+write)' });
    const again = (await req('POST', '/api/v1/tags', keys.write, { name: 'volunteers', identifiers: ['action_network:t-2'] })).json() as Tag;
    expect(again.identifiers[0]).toBe(tag.identifiers[0]);
    expect(again.identifiers).toEqual(expect.arrayContaining(['action_network:t-1', 'action_network:t-2']));
    expect((await req('POST', '/api/v1/tags', keys.read, { name: 'Nope' })).statusCode).toBe(403);
    const empty = await req('POST', '/api/v1/tags', keys.write, { name: '' });
    expect(empty.statusCode).toBe(400);
    expect((empty.json() as { error: { fields: { field: string }[] } }).error.fields[0]?.field).toBe('body.name');
  });

  it('lists tags with a read key, filtered and paged; one tag’s links resolve; other campaigns see none', async () => {
    await req('POST', '/api/v1/tags', keys.write, { name: 'Parents' });
    const page = (await req('GET', '/api/v1/tags?per_page=1', keys.read)).json() as Page<Tag>;
    expect(page.total_records).toBe(2);
    expect(page._links.next).toBeDefined();
    const byId = (await req('GET', `/api/v1/tags?filter=${encodeURIComponent("identifiers eq 'action_network:t-1'")}`, keys.read)).json() as Page<Tag>;
    expect(byId._embedded['osdi:tags']!.map((x) => x.name)).toEqual(['Volunteers']);
    const tag = byId._embedded['osdi:tags']![0]!;
    expect((await req('GET', pathOf(tag._links.self!.href), keys.read)).statusCode).toBe(200);
    expect((await req('GET', pathOf(tag._links['osdi:taggings']!.href), keys.read)).statusCode).toBe(200);
    expect((await req('GET', pathOf(tag._links.self!.href), keys.other)).statusCode).toBe(404);
    expect((await req('GET', '/api/v1/tags', keys.organizing)).statusCode).toBe(403);
    expect((await req('GET', '/api/v1/tags')).statusCode).toBe(401);
  });
});

describe('taggings', () => {
  it('tags a person by their link, lists the tag’s and the person’s taggings, and deletes one', async () => {
    const tag = ((await req('GET', `/api/v1/tags?filter=${encodeURIComponent("identifiers eq 'action_network:t-1'")}`, keys.read)).json() as Page<Tag>)._embedded['osdi:tags']![0]!;
    const taggings = pathOf(tag._links['osdi:taggings']!.href);
    const body = { identifiers: ['foreign_system:1'], origin_system: 'OpenSupporter', item_type: 'osdi:person', _links: { 'osdi:person': { href: signerHref } } };
    expect((await req('POST', taggings, keys.read, body)).statusCode).toBe(403);
    const made = await req('POST', taggings, keys.write, body);
    expect(made.statusCode, made.body).toBe(200);
    const tagging = made.json() as Tagging;
    expect(tagging).toMatchObject({ item_type: 'osdi:person', _links: { 'osdi:person': { href: signerHref }, 'osdi:tag': { href: tag._links.self!.href } } });
    expect(tagging.identifiers).toContain('foreign_system:1');
    // Twice: the same tagging.
    expect(((await req('POST', taggings, keys.write, body)).json() as Tagging).identifiers[0]).toBe(tagging.identifiers[0]);

    const list = (await req('GET', taggings, keys.read)).json() as Page<Tagging>;
    expect(list.total_records).toBe(1);
    for (const rel of ['self', 'osdi:tag', 'osdi:person']) expect((await req('GET', pathOf(tagging._links[rel]!.href), keys.read)).statusCode, rel).toBe(200);
    const person = (await req('GET', pathOf(signerHref), keys.read)).json() as { given_name: string; _links: Record<string, Link> };
    expect(person.given_name).toBe('Sol');
    const ofPerson = (await req('GET', pathOf(person._links['osdi:taggings']!.href), keys.read)).json() as Page<Tagging>;
    expect(ofPerson.total_records).toBe(1);

    expect((await req('DELETE', pathOf(tagging._links.self!.href), keys.read)).statusCode).toBe(403);
    const deleted = await req('DELETE', pathOf(tagging._links.self!.href), keys.write);
    expect(deleted.statusCode).toBe(200);
    expect(deleted.json()).toEqual({ notice: 'This tagging was successfully deleted.' });
    expect(((await req('GET', taggings, keys.read)).json() as Page<Tagging>).total_records).toBe(0);
    expect((await req('GET', pathOf(tagging._links.self!.href), keys.read)).statusCode).toBe(404);
  });

  it('refuses to tag a roster educator (403), an unknown person (404) and a link that is not a person (400)', async () => {
    const tag = ((await req('GET', '/api/v1/tags', keys.read)).json() as Page<Tag>)._embedded['osdi:tags']![0]!;
    const taggings = pathOf(tag._links['osdi:taggings']!.href);
    const to = (href: string) => req('POST', taggings, keys.write, { _links: { 'osdi:person': { href } } });
    expect((await to(`${t.config.publicUrl}/api/v1/people/${fixture.people[0]!.id}`)).statusCode).toBe(403);
    expect((await to(`${t.config.publicUrl}/api/v1/people/00000000-0000-0000-0000-000000000000`)).statusCode).toBe(404);
    const bad = await to(`${t.config.publicUrl}/api/v1/petitions/x`);
    expect(bad.statusCode).toBe(400);
    expect((bad.json() as { error: { fields: { field: string }[] } }).error.fields[0]?.field).toContain('_links');
  });
});
