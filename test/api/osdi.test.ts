import { readFileSync } from 'node:fs';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, mailMessages, petitionSignatures } from '../../src/db/schema/index.js';
import { openMail } from '../support/opened-rows.js';
import { createCampaign, createMember, TEST_PASSWORD, type CampaignFixture } from '../support/factories.js';
import { createPetition } from '../support/petition-helpers.js';
import { createTestApp, type Agent, type TestApp } from '../support/test-app.js';

// The OSDI API and its keys (issue 14, decision 0029).

type SpecRequest = { source: string; scenario: string; method: string; path: string; headers: Record<string, string>; body: unknown };
const specRequests = JSON.parse(readFileSync(new URL('../fixtures/osdi/spec-requests.json', import.meta.url), 'utf8')) as SpecRequest[];

type Links = Record<string, { href: string } | { href: string }[] | { name: string; href: string; templated: boolean }[]>;
type OsdiErrorBody = { request_type: string; response_code: number; resource_status: { resource: string; response_code: number; error_descriptions: { error_code: string; description: string; properties?: string[] }[] }[]; error: { code: string } };
type SignatureResource = { identifiers: string[]; origin_system: string; status: string; action_date?: string; comments?: string; referrer_data?: Record<string, unknown>; add_tags?: string[]; _links: Links; _embedded: { 'osdi:person': { given_name?: string; email_addresses: { address: string; status: string }[]; postal_addresses: Record<string, unknown>[]; phone_numbers: { number: string }[]; custom_fields: Record<string, string> } } };
type Page<T> = { total_pages: number; per_page: number; page: number; total_records: number; _links: Links & { next?: { href: string }; previous?: { href: string } }; _embedded: Record<string, T[]> };

let t: TestApp;
let fixture: CampaignFixture;
let other: CampaignFixture;
let petitionId: string;
let otherPetitionId: string;
let admin: Agent;
const keys: Record<'read' | 'write' | 'organizing' | 'other', string> = { read: '', write: '', organizing: '', other: '' };

const pathOf = (href: string) => href.replace(t.config.publicUrl, '');
const get = (url: string, token?: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers: { ...(token ? { 'osdi-api-token': token } : {}), ...headers } });
const post = (url: string, body: unknown, token?: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url, headers: { 'content-type': 'application/json', ...(token ? { 'osdi-api-token': token } : {}), ...headers }, payload: typeof body === 'string' ? body : JSON.stringify(body) });
const signatureOf = async (email: string, petition = petitionId) => {
  const [row] = await t.database.db.select().from(petitionSignatures).where(and(eq(petitionSignatures.petitionId, petition), eq(petitionSignatures.email, email)));
  return row;
};

async function createKey(agent: Agent, slug: string, name: string, scopes: string[]): Promise<string> {
  const res = await agent.post(`/api/campaigns/${slug}/api-keys`, { name, scopes });
  expect(res.statusCode, res.body).toBe(201);
  return (res.json() as { token: string }).token;
}

beforeAll(async () => {
  t = await createTestApp({ config: { petitionIpHoldPerHour: 100_000, petitionIpLimitPerMinute: 100_000, petitionEmailLimitPerHour: 100, apiKeyRateLimitPerMinute: 1000 } });
  fixture = await createCampaign(t.database.db, { slug: 'osdi-home', isDefault: true });
  other = await createCampaign(t.database.db, { slug: 'osdi-other' });
  petitionId = (await createPetition(t.database.db, fixture.campaign.id)).id;
  otherPetitionId = (await createPetition(t.database.db, other.campaign.id, { slug: 'elsewhere' })).id;
  const account = await createMember(t.database.db, fixture, 'admin');
  admin = t.agent();
  await admin.login(account.email, TEST_PASSWORD);
  keys.read = await createKey(admin, 'osdi-home', 'Website sync', ['read']);
  keys.write = await createKey(admin, 'osdi-home', 'Action Network', ['read', 'write']);
  keys.organizing = await createKey(admin, 'osdi-home', 'Organizing only', ['organizing']);
  const otherAdmin = await createMember(t.database.db, other, 'admin');
  const otherAgent = t.agent();
  await otherAgent.login(otherAdmin.email, TEST_PASSWORD);
  keys.other = await createKey(otherAgent, 'osdi-other', 'Other campaign', ['read', 'write']);
});
afterAll(async () => t.close());

describe('API keys in the app', () => {
  it('shows the secret once, stores only its hash, and lists keys without it', async () => {
    const created = await admin.post('/api/campaigns/osdi-home/api-keys', { name: 'Shown once', scopes: ['read', 'read'] });
    expect(created.statusCode).toBe(201);
    expect(created.headers['cache-control']).toBe('no-store');
    const { key, token } = created.json() as { key: { id: string; prefix: string; scopes: string[] }; token: string };
    expect(token).toMatch(/^uh_[\w-]{43}$/);
    expect(key.scopes).toEqual(['read']);
    expect(token.startsWith(key.prefix)).toBe(true);
    const list = await admin.get('/api/campaigns/osdi-home/api-keys');
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain(token);
    expect((list.json() as { keys: { name: string }[] }).keys.map((k) => k.name)).toContain('Shown once');
    const { rows } = await t.database.db.$client.query<{ token_hash: string }>('select token_hash from api_keys where id = $1', [key.id]);
    expect(rows[0]?.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(rows[0]?.token_hash).not.toContain(token);
  });

  it('lets only admins manage keys, and refuses a key without a scope', async () => {
    const organizer = await createMember(t.database.db, fixture, 'organizer');
    const agent = t.agent();
    await agent.login(organizer.email, TEST_PASSWORD);
    expect((await agent.post('/api/campaigns/osdi-home/api-keys', { name: 'Nope', scopes: ['read'] })).statusCode).toBe(403);
    expect((await agent.get('/api/campaigns/osdi-home/api-keys')).statusCode).toBe(403);
    const noScope = await admin.post('/api/campaigns/osdi-home/api-keys', { name: 'Empty', scopes: [] });
    expect(noScope.statusCode).toBe(400);
    expect((noScope.json() as { error: { fields: { field: string }[] } }).error.fields[0]?.field).toBe('body.scopes');
    const cards = await admin.post('/api/campaigns/osdi-home/api-keys', { name: 'Cards', scopes: ['cards'] });
    expect(cards.statusCode).toBe(400);
  });

  it('answers a wrong or revoked key with 401 in OSDI’s error shape', async () => {
    const wrong = await get(`/api/v1/petitions/${petitionId}/signatures`, 'uh_not-a-real-key');
    expect(wrong.statusCode).toBe(401);
    expect(wrong.headers['content-type']).toContain('application/hal+json');
    const body = wrong.json() as OsdiErrorBody;
    expect(body).toMatchObject({ request_type: 'atomic', response_code: 401, error: { code: 'unauthenticated' } });
    expect(body.resource_status[0]?.error_descriptions[0]?.error_code).toBe('UNAUTHENTICATED');
    expect((await get(`/api/v1/petitions/${petitionId}/signatures`)).statusCode).toBe(401);

    const token = await createKey(admin, 'osdi-home', 'Soon revoked', ['read']);
    expect((await get(`/api/v1/petitions/${petitionId}/signatures`, token)).statusCode).toBe(200);
    const list = (await admin.get('/api/campaigns/osdi-home/api-keys')).json() as { keys: { id: string; name: string }[] };
    const id = list.keys.find((k) => k.name === 'Soon revoked')?.id;
    const revoked = await admin.post(`/api/campaigns/osdi-home/api-keys/${id}/revoke`);
    expect(revoked.statusCode).toBe(200);
    expect((revoked.json() as { key: { revokedAt: string | null } }).key.revokedAt).not.toBeNull();
    expect((await get(`/api/v1/petitions/${petitionId}/signatures`, token)).statusCode).toBe(401);
  });

  it('audits every use of a key, naming it', async () => {
    const before = await t.database.db.select().from(auditEvents).where(eq(auditEvents.action, 'api_key.used'));
    await get(`/api/v1/petitions/${petitionId}/signatures`, keys.read);
    const after = await t.database.db.select().from(auditEvents).where(eq(auditEvents.action, 'api_key.used'));
    expect(after.length).toBe(before.length + 1);
    expect(after.at(-1)).toMatchObject({ campaignId: fixture.campaign.id, subjectType: 'api_key', details: { name: 'Website sync' } });
  });

  it('keeps the scopes apart: organizing alone does not read signers, another campaign’s key finds nothing', async () => {
    const organizing = await get(`/api/v1/petitions/${petitionId}/signatures`, keys.organizing);
    expect(organizing.statusCode).toBe(403);
    expect((organizing.json() as OsdiErrorBody).error.code).toBe('forbidden');
    expect((await get(`/api/v1/petitions/${petitionId}/signatures`, keys.other)).statusCode).toBe(404);
    expect((await get(`/api/v1/petitions/${otherPetitionId}/signatures`, keys.other)).statusCode).toBe(200);
  });

  it('never exposes card signers: no OSDI route reads cards, whatever the key', async () => {
    for (const url of ['/api/v1/cards', `/api/v1/petitions/${petitionId}/cards`]) {
      const res = await get(url, keys.write);
      expect(res.statusCode, url).toBe(404);
      expect((res.json() as OsdiErrorBody).response_code).toBe(404);
    }
  });
});

describe('the entry point', () => {
  it('answers at /api/v1 and /api/v1/ with curies, namespace and links that resolve', async () => {
    for (const url of ['/api/v1', '/api/v1/']) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type']).toContain('application/hal+json');
      const body = res.json() as { osdi_version: string; namespace: string; max_pagesize: number; _links: Links };
      expect(body).toMatchObject({ osdi_version: '1.2.0', namespace: 'unionhall', max_pagesize: 25 });
      expect(body._links.curies).toEqual([{ name: 'osdi', href: expect.stringContaining('{rel}'), templated: true }]);
      for (const [rel, value] of Object.entries(body._links)) {
        // Helpers take a POST (person_signup.md); the rest answer a GET.
        if (rel === 'curies' || Array.isArray(value) || rel.endsWith('_helper')) continue;
        // A read key, as a sync would send: public collections ignore it, keyed ones need it;
        // committee lists need the organizing scope.
        const target = await get(pathOf(value.href), rel === 'osdi:lists' ? keys.organizing : keys.read);
        expect(target.statusCode, `${rel} → ${value.href}`).toBe(200);
      }
    }
  });

  it('answers an unknown OSDI path in OSDI’s error shape', async () => {
    const res = await get('/api/v1/no-such-thing');
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ request_type: 'atomic', response_code: 404, error: { code: 'not_found' } });
  });
});

describe('petitions', () => {
  it('links each petition to its signatures and both helper URLs, and every link resolves', async () => {
    const res = await get('/api/v1/petitions/');
    expect(res.statusCode).toBe(200);
    const page = res.json() as Page<{ identifiers: string[]; _links: Record<string, { href: string }> }>;
    const mine = page._embedded['osdi:petitions']?.find((p) => p.identifiers.includes(`unionhall:${petitionId}`));
    expect(mine?._links['osdi:record_signature_helper']?.href).toBe(`${t.config.publicUrl}/api/v1/petitions/${petitionId}/record_signature_helper`);
    expect((await get(pathOf(mine!._links.self!.href))).statusCode).toBe(200);
    expect((await get(pathOf(mine!._links['osdi:signatures']!.href), keys.read)).statusCode).toBe(200);
  });

  it('filters on identifiers and dates, and refuses a filter it cannot honour', async () => {
    const byId = (await get(`/api/v1/petitions?filter=${encodeURIComponent(`identifiers eq 'unionhall:${petitionId}'`)}`)).json() as Page<unknown>;
    expect(byId.total_records).toBe(1);
    const future = (await get(`/api/v1/petitions?filter=${encodeURIComponent("modified_date gt '2999-01-01'")}`)).json() as Page<unknown>;
    expect(future.total_records).toBe(0);
    const past = (await get(`/api/v1/petitions?filter=${encodeURIComponent("created_date gt '2000-01-01' and created_date lt '2999-01-01'")}`)).json() as Page<unknown>;
    expect(past.total_records).toBe(2);
    const bad = await get(`/api/v1/petitions?filter=${encodeURIComponent("title eq 'x'")}`);
    expect(bad.statusCode).toBe(400);
    const body = bad.json() as OsdiErrorBody;
    expect(body.error.code).toBe('validation_failed');
    expect(body.resource_status[0]?.error_descriptions[0]?.properties).toEqual(['filter']);
  });
});

describe('the petition collection, served from memory', () => {
  type Collection = Page<{ identifiers: string[]; title: string; total_signatures: number }>;
  const mine = async (id: string) => ((await get('/api/v1/petitions')).json() as Collection)._embedded['osdi:petitions']?.find((p) => p.identifiers.includes(`unionhall:${id}`));

  it('never answers from before a write: a new petition, a vouched or confirmed signature, an edit', async () => {
    await get('/api/v1/petitions');
    const made = await admin.post('/api/campaigns/osdi-home/petitions', { slug: 'fresh', title: 'Fresh', text: 'Text.', target: 'The Board', goal: 100, published: true });
    expect(made.statusCode, made.body).toBe(201);
    const p = (made.json() as { petition: { id: string } }).petition;
    expect((await mine(p.id))?.total_signatures).toBe(0);
    expect((await post(`/api/v1/petitions/${p.id}/signatures`, { person: { email_addresses: [{ address: 'counted@mail.example' }] } }, keys.write)).statusCode).toBe(200);
    expect((await mine(p.id))?.total_signatures).toBe(1);

    // A signer who confirms by email moves it too.
    expect((await post(`/api/v1/petitions/${p.id}/signatures`, { person: { email_addresses: [{ address: 'confirms@mail.example' }] } })).statusCode).toBe(200);
    expect((await mine(p.id))?.total_signatures).toBe(1);
    const mails = await openMail(t.services, await t.database.db.select().from(mailMessages).where(eq(mailMessages.kind, 'petition_confirmation')));
    const link = /https?:\/\/\S+\/confirm\?token=[\w-]+/.exec(mails.find((m) => m.toAddress === 'confirms@mail.example')?.textBody ?? '')?.[0];
    expect(link).toBeDefined();
    expect((await t.app.inject({ method: 'GET', url: pathOf(link!) })).statusCode).toBe(200);
    expect((await mine(p.id))?.total_signatures).toBe(2);

    const edited = await admin.put(`/api/campaigns/osdi-home/petitions/${p.id}`, { slug: 'fresh', title: 'A new title', text: 'Same text.', target: 'The Board', goal: 100, published: true });
    expect(edited.statusCode, edited.body).toBe(200);
    expect((await mine(p.id))?.title).toBe('A new title');

  });
});

describe('the record signature helper', () => {
  const full = (email: string) => ({
    person: {
      identifiers: ['action_network:aaaa-1'],
      given_name: 'Amara',
      family_name: 'Okafor',
      email_addresses: [{ address: email, primary: true, status: 'subscribed' }],
      postal_addresses: [{ primary: true, address_lines: ['12 Allen Avenue'], locality: 'Ikeja', region: 'Lagos', postal_code: '100271', country: 'NG' }],
      phone_numbers: [{ primary: true, number: 2348012345678, number_type: 'Mobile', sms_capable: true }],
      custom_fields: { school: 'Meridian North', years: 4 },
    },
    action_date: '2026-03-18T11:02:15Z',
    comments: 'For the teachers.',
    referrer_data: { source: 'newsletter-march', website: 'union.example' },
    add_tags: ['parent', 'volunteer'],
    triggers: { autoresponse: { enabled: true } },
  });

  it('keeps every field it is given, anywhere in the world, and still asks the signer to confirm', async () => {
    const res = await post(`/api/v1/petitions/${petitionId}/record_signature_helper`, full('amara@mail.example'));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({});
    const row = await signatureOf('amara@mail.example');
    expect(row).toMatchObject({ status: 'pending_confirmation', source: 'osdi', givenName: 'Amara', postalCode: '100271', city: 'Ikeja', comment: 'For the teachers.' });
    expect(row?.details).toEqual({
      phoneNumbers: [{ number: '2348012345678', number_type: 'Mobile', sms_capable: true }],
      postalAddresses: [{ primary: true, address_lines: ['12 Allen Avenue'], locality: 'Ikeja', region: 'Lagos', postal_code: '100271', country: 'NG' }],
      customFields: { school: 'Meridian North', years: '4' },
      tags: ['parent', 'volunteer'],
      actionDate: '2026-03-18T11:02:15Z',
      referrerData: { source: 'newsletter-march', website: 'union.example' },
      emailStatus: 'subscribed',
    });
  });

  it('takes an email alone, at Action Network’s URL, whatever the content type says', async () => {
    const res = await post(`/api/v1/petitions/${petitionId}/signatures`, JSON.stringify({ person: { email_addresses: [{ address: 'only-email@mail.example' }] } }), undefined, { 'content-type': 'text/plain' });
    expect(res.statusCode, res.body).toBe(200);
    expect(await signatureOf('only-email@mail.example')).toMatchObject({ givenName: '', familyName: '', status: 'pending_confirmation' });
    const none = await t.app.inject({ method: 'POST', url: `/api/v1/petitions/${petitionId}/signatures`, payload: JSON.stringify({ person: { email_addresses: [{ address: 'no-type@mail.example' }] } }) });
    expect(none.statusCode, none.body).toBe(200);
  });

  it('answers bad input with 400 naming the field, in OSDI’s shape, and stores nothing', async () => {
    const res = await post(`/api/v1/petitions/${petitionId}/record_signature_helper`, { person: { email_addresses: [{ address: 'not-an-email' }] } });
    expect(res.statusCode).toBe(400);
    const body = res.json() as OsdiErrorBody;
    expect(body.response_code).toBe(400);
    expect(body.error.code).toBe('validation_failed');
    expect(body.resource_status[0]?.error_descriptions[0]?.properties).toEqual(['person.email_addresses.0.address']);
    expect(await signatureOf('not-an-email')).toBeUndefined();
  });

  it('refuses a read-only key (403) and records a write key’s signature as vouched, with its origin', async () => {
    const readOnly = await post(`/api/v1/petitions/${petitionId}/record_signature_helper`, full('vouched@mail.example'), keys.read);
    expect(readOnly.statusCode).toBe(403);
    expect(await signatureOf('vouched@mail.example')).toBeUndefined();

    const res = await post(`/api/v1/petitions/${petitionId}/record_signature_helper`, { ...full('vouched@mail.example'), origin_system: 'Action Network' }, keys.write);
    expect(res.statusCode, res.body).toBe(200);
    const resource = res.json() as SignatureResource;
    expect(resource.identifiers).toContain('action_network:aaaa-1');
    expect(resource).toMatchObject({ status: 'confirmed', origin_system: 'Action Network (API key Action Network)', action_date: '2026-03-18T11:02:15Z', add_tags: ['parent', 'volunteer'] });
    expect(resource._embedded['osdi:person'].phone_numbers[0]?.number).toBe('2348012345678');
    expect(await signatureOf('vouched@mail.example')).toMatchObject({ status: 'confirmed', source: 'api' });
    expect((await get(pathOf((resource._links.self as { href: string }).href), keys.read)).statusCode).toBe(200);
  });

  it('updates the same signer when a foreign id comes back, instead of adding a second signature', async () => {
    const first = { ...full('first-address@mail.example'), identifiers: ['action_network:sig-77'] };
    first.person.identifiers = ['action_network:person-77'];
    expect((await post(`/api/v1/petitions/${petitionId}/signatures`, first, keys.write)).statusCode).toBe(200);
    const again = { ...full('new-address@mail.example'), identifiers: ['action_network:sig-77'], comments: 'Changed my words.' };
    again.person.identifiers = ['action_network:person-77'];
    const res = await post(`/api/v1/petitions/${petitionId}/signatures`, again, keys.write);
    expect(res.statusCode).toBe(200);
    const rows = await t.database.db.select().from(petitionSignatures).where(eq(petitionSignatures.petitionId, petitionId));
    const matching = rows.filter((r) => r.identifiers.includes('action_network:sig-77'));
    expect(matching).toHaveLength(1);
    expect(matching[0]).toMatchObject({ email: 'new-address@mail.example', comment: 'Changed my words.' });
  });
});

describe('reading signatures with a key', () => {
  it('pages with next and previous, clamps per_page to max_pagesize, and keeps the filter in the links', async () => {
    const p = await createPetition(t.database.db, fixture.campaign.id, { slug: 'paging' });
    for (let i = 0; i < 30; i++) expect((await post(`/api/v1/petitions/${p.id}/signatures`, { person: { email_addresses: [{ address: `pager${i}@mail.example` }] } }, keys.write)).statusCode).toBe(200);
    const first = (await get(`/api/v1/petitions/${p.id}/signatures?per_page=100`, keys.read)).json() as Page<SignatureResource>;
    expect(first).toMatchObject({ per_page: 25, page: 1, total_records: 30, total_pages: 2 });
    expect(first._embedded['osdi:signatures']).toHaveLength(25);
    expect(first._links.previous).toBeUndefined();
    const second = (await get(pathOf(first._links.next!.href), keys.read)).json() as Page<SignatureResource>;
    expect(second._embedded['osdi:signatures']).toHaveLength(5);
    expect(second._links.next).toBeUndefined();
    expect(pathOf(second._links.previous!.href)).toBe(`/api/v1/petitions/${p.id}/signatures?page=1&per_page=25`);
    const all = [...first._embedded['osdi:signatures']!, ...second._embedded['osdi:signatures']!].map((s) => s._embedded['osdi:person'].email_addresses[0]?.address);
    expect(new Set(all).size).toBe(30);

    const filter = encodeURIComponent("email eq 'PAGER7@mail.example'");
    const one = (await get(`/api/v1/petitions/${p.id}/signatures?filter=${filter}&per_page=1`, keys.read)).json() as Page<SignatureResource>;
    expect(one.total_records).toBe(1);
    expect(new URL((one._links.self as { href: string }).href).searchParams.get('filter')).toBe("email eq 'PAGER7@mail.example'");
  });

  it('answers "what changed since" with modified_date, including a confirmation by email', async () => {
    const p = await createPetition(t.database.db, fixture.campaign.id, { slug: 'since' });
    t.clock.now = new Date('2030-01-01T10:00:00Z');
    await post(`/api/v1/petitions/${p.id}/signatures`, { person: { email_addresses: [{ address: 'early@mail.example' }] } }, keys.write);
    t.clock.now = new Date('2030-01-02T10:00:00Z');
    await post(`/api/v1/petitions/${p.id}/signatures`, { person: { email_addresses: [{ address: 'late@mail.example' }] } }, keys.write);
    const since = (f: string) => get(`/api/v1/petitions/${p.id}/signatures?filter=${encodeURIComponent(f)}`, keys.read).then((r) => r.json() as Page<SignatureResource>);
    const changed = await since("modified_date gt '2030-01-01T12:00:00Z'");
    expect(changed._embedded['osdi:signatures']?.map((s) => s._embedded['osdi:person'].email_addresses[0]?.address)).toEqual(['late@mail.example']);
    expect((await since("created_date eq '2030-01-01'")).total_records).toBe(1);
    expect((await since("created_date lt '2030-01-01'")).total_records).toBe(0);
    t.clock.now = new Date();
  });

  it('sends rate-limit headers to keyed calls only', async () => {
    const keyed = await get(`/api/v1/petitions/${petitionId}/signatures`, keys.read);
    expect(keyed.headers['x-ratelimit-limit']).toBe('1000');
    expect(keyed.headers['x-ratelimit-remaining']).toBeDefined();
    const anonymous = await post(`/api/v1/petitions/${petitionId}/signatures`, { person: { email_addresses: [{ address: 'no-headers@mail.example' }] } });
    expect(anonymous.statusCode).toBe(200);
    expect(anonymous.headers['x-ratelimit-limit']).toBeUndefined();
    expect((await get('/api/v1/petitions')).headers['x-ratelimit-limit']).toBeUndefined();
  });
});

describe('CORS for the union’s own website', () => {
  it('lets a listed origin through the preflight and no other', async () => {
    const set = await admin.put('/api/campaigns/osdi-home/cors-origins', { origins: ['https://union.example'] });
    expect(set.statusCode, set.body).toBe(200);
    const badOrigin = await admin.put('/api/campaigns/osdi-home/cors-origins', { origins: ['https://union.example/path'] });
    expect(badOrigin.statusCode).toBe(400);
    const preflight = (origin: string) =>
      t.app.inject({ method: 'OPTIONS', url: `/api/v1/petitions/${petitionId}/record_signature_helper`, headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' } });
    const listed = await preflight('https://union.example');
    expect(listed.statusCode).toBe(204);
    expect(listed.headers['access-control-allow-origin']).toBe('https://union.example');
    expect(listed.headers['access-control-allow-methods']).toContain('POST');
    expect(listed.headers['access-control-allow-credentials']).toBeUndefined();
    const unlisted = await preflight('https://employer.example');
    expect(unlisted.headers['access-control-allow-origin']).toBeUndefined();
    const read = await get('/api/v1/petitions', undefined, { origin: 'https://union.example' });
    expect(read.headers['access-control-allow-origin']).toBe('https://union.example');
    // The organizer API never answers another origin.
    const organizer = await t.app.inject({ method: 'GET', url: '/api/campaigns/osdi-home/api-keys', headers: { origin: 'https://union.example' } });
    expect(organizer.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('the spec’s own request examples', () => {
  const supported = new Set(['Retrieving a collection of Petition resources (GET)', 'Retrieving an individual Petition resource (GET)', 'Retrieving a collection of Signature resources (GET)', 'Retrieving an individual Signature resource (GET)', 'Creating a new signature and person (POST)', 'Creating a new signature and person without authentication (POST)']);

  it('replays every example from petitions.md, signatures.md and record_signature.md', async () => {
    expect(specRequests.length).toBe(12);
    const spec = await createPetition(t.database.db, fixture.campaign.id, { slug: 'spec' });
    // The spec's ids stand for ours: its petition is our petition; its signature, one recorded first.
    const seeded = (await (await post(`/api/v1/petitions/${spec.id}/signatures`, { person: { email_addresses: [{ address: 'seed@mail.example' }] } }, keys.write)).json()) as SignatureResource;
    const signatureId = seeded.identifiers[0]!.replace('unionhall:', '');
    const results: string[] = [];
    for (const r of specRequests) {
      const url = r.path.replace(/c945d6fe-929e-11e3-a2e9-12313d316c29|d32fcdd6-7366-466d-a3b8-7e0d87c3cd8b/g, spec.id).replace(/d91b4b2e-ae0e-4cd3-9ed7-d0ec501b0bc3|d91b4b2e-ae0e-4cd3-9ed7-de9uemdse/g, signatureId);
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (r.headers['OSDI-API-Token']) headers['osdi-api-token'] = keys.write;
      const res = await t.app.inject({ method: r.method as 'GET', url, headers, ...(r.body ? { payload: JSON.stringify(r.body) } : {}) });
      results.push(`${r.scenario}: ${res.statusCode}`);
      if (supported.has(r.scenario)) {
        expect(res.statusCode, `${r.scenario}: ${res.body}`).toBe(200);
        expect(res.headers['content-type']).toContain('application/hal+json');
      } else {
        // Creating, changing or deleting petitions and signatures over the API is not offered:
        // a clear OSDI error, never a 500 and never a silent success.
        expect(res.statusCode, r.scenario).toBeGreaterThanOrEqual(400);
        expect(res.statusCode, r.scenario).toBeLessThan(500);
        expect((res.json() as OsdiErrorBody).resource_status[0]?.error_descriptions.length, r.scenario).toBeGreaterThan(0);
      }
    }
    expect(results.filter((line) => line.endsWith(': 200'))).toHaveLength(supported.size);
    const helper = await signatureOf('test-3@example.com', spec.id);
    expect(helper).toMatchObject({ givenName: 'Labadie', familyName: 'Edwin', postalCode: '17678', city: 'New Dudley', status: 'confirmed' });
    expect(helper?.details.referrerData).toEqual({ source: 'facebook-101016-mainpage', referrer: 'jane-doe', website: 'facebook.com', url: 'https://facebook.com/posts/12345' });
    expect(helper?.details.tags).toEqual(['volunteer', 'donor']);
    expect(helper?.identifiers).toEqual(['foreign_system:1']);
  });
});

describe('the embed snippet and the API reference', () => {
  it('gives admins a snippet per published petition: a link to the hosted page and the script', async () => {
    const res = await admin.get('/api/campaigns/osdi-home/embeds');
    expect(res.statusCode).toBe(200);
    const { petitions } = res.json() as { petitions: { id: string; hostedUrl: string; snippet: string }[] };
    const mine = petitions.find((p) => p.id === petitionId);
    expect(mine?.hostedUrl).toBe(`${t.config.publicUrl}/petition/fair-process`);
    expect(mine?.snippet).toContain(`<a class="unionhall-petition" data-petition="${petitionId}" href="${t.config.publicUrl}/petition/fair-process">`);
    expect(mine?.snippet).toContain(`<script src="${t.config.publicUrl}/assets/embed-petition.js" async></script>`);
    expect(petitions.some((p) => p.id === otherPetitionId)).toBe(false);
    const script = await t.app.inject({ method: 'GET', url: '/assets/embed-petition.js' });
    expect(script.statusCode).toBe(200);
    expect(script.headers['cross-origin-resource-policy']).toBe('cross-origin');
  });

  it('serves the API reference from the OpenAPI document, with the OSDI operations and the key described', async () => {
    const page = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as { info: { description: string }; paths: Record<string, unknown>; components: { securitySchemes: Record<string, { name?: string }> } };
    expect(doc.components.securitySchemes.osdiApiToken?.name).toBe('OSDI-API-Token');
    expect(doc.info.description).toContain('OSDI-API-Token');
    for (const path of ['/api/v1', '/api/v1/petitions', '/api/v1/petitions/{id}/signatures', '/api/v1/petitions/{id}/record_signature_helper', '/api/campaigns/{slug}/api-keys']) expect(Object.keys(doc.paths), path).toContain(path);
  });
});
