import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, mailMessages, supporters, webhookDeliveries } from '../../src/db/schema/index.js';
import { verifyWebhook } from '../../src/domain/integrations/webhook-signature.js';
import { createCampaign, createMember, TEST_PASSWORD } from '../support/factories.js';
import { openMail } from '../support/opened-rows.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// The person signup helper (issue 14, decision 0036): at the spec's URL and Action Network's.

type Person = { identifiers: string[]; origin_system: string; given_name?: string; family_name?: string; additional_name?: string; gender?: string; email_addresses: { address: string; status?: string }[]; phone_numbers: Record<string, unknown>[]; postal_addresses: Record<string, unknown>[]; custom_fields: Record<string, string>; _links: Record<string, { href: string }> };
type Page = { total_records: number; _embedded: { 'osdi:people': Person[] } };

let t: TestApp;
let receiver: Server;
const received: { headers: IncomingHttpHeaders; body: string }[] = [];
const keys = { read: '', write: '' };
let hookSecret = '';

const post = (url: string, body: unknown, token?: string) => t.app.inject({ method: 'POST', url, headers: { 'content-type': 'text/plain', ...(token ? { 'osdi-api-token': token } : {}) }, payload: JSON.stringify(body) });
const byEmail = async (email: string) => ((await t.app.inject({ method: 'GET', url: `/api/v1/people?filter=${encodeURIComponent(`email eq '${email}'`)}`, headers: { 'osdi-api-token': keys.read } })).json() as Page)._embedded['osdi:people'];
const eventsNamed = async (event: string) => (await t.database.db.select().from(webhookDeliveries)).filter((d) => d.event === event).map((d) => JSON.parse(d.body) as { data: { person: Person; tags: string[] } });

beforeAll(async () => {
  receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  t = await createTestApp({ config: { apiKeyRateLimitPerMinute: 1000 } });
  const fixture = await createCampaign(t.database.db, { slug: 'signup-home', isDefault: true, sites: 1, perSite: 1 });
  const admin = t.agent();
  await admin.login((await createMember(t.database.db, fixture, 'admin')).email, TEST_PASSWORD);
  keys.read = ((await admin.post('/api/campaigns/signup-home/api-keys', { name: 'Reader', scopes: ['read'] })).json() as { token: string }).token;
  keys.write = ((await admin.post('/api/campaigns/signup-home/api-keys', { name: 'Action Network', scopes: ['read', 'write'] })).json() as { token: string }).token;
  const hook = await admin.post('/api/campaigns/signup-home/webhooks', { url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`, events: ['person.signed_up'] });
  expect(hook.statusCode, hook.body).toBe(201);
  hookSecret = (hook.json() as { secret: string }).secret;
});
afterAll(async () => {
  await t.close();
  await new Promise((resolve) => receiver.close(resolve));
});

describe('with a write-scoped key', () => {
  it('keeps every field, tags the person, records the origin and tells the webhook once', async () => {
    const body = {
      person: {
        identifiers: ['action_network:af-1'],
        family_name: 'Edwin',
        given_name: 'Labadie',
        additional_name: 'Marques',
        origin_system: 'OpenSupporter',
        email_addresses: [{ address: 'Test-3@Example.com', primary: true, address_type: 'Personal', status: 'subscribed' }],
        postal_addresses: [{ primary: true, address_lines: ['935 Ed Lock'], locality: 'New Dudley', region: 'MN', postal_code: '17678', country: 'RU', address_type: 'Home', status: 'Verified' }],
        phone_numbers: [{ primary: true, number: 19876543210, number_type: 'Mobile', sms_capable: true }],
        custom_fields: { school: 'Lincoln', years: 7 },
        gender: 'Male',
        gender_pronouns: { subject: 'They', object: 'Them' },
      },
      add_tags: ['volunteer', 'donor'],
    };
    const res = await post('/api/v1/people/person_signup_helper', body, keys.write);
    expect(res.statusCode, res.body).toBe(200);
    const person = res.json() as Person & { gender_pronouns: unknown };
    expect(person).toMatchObject({
      given_name: 'Labadie',
      family_name: 'Edwin',
      additional_name: 'Marques',
      origin_system: 'OpenSupporter (API key Action Network)',
      email_addresses: [{ address: 'test-3@example.com', status: 'subscribed' }],
      postal_addresses: [{ address_lines: ['935 Ed Lock'], postal_code: '17678', country: 'RU' }],
      phone_numbers: [{ number: '19876543210', number_type: 'Mobile', sms_capable: true }],
      custom_fields: { school: 'Lincoln', years: '7' },
      gender: 'Male',
      gender_pronouns: { subject: 'They', object: 'Them' },
    });
    expect(person.identifiers).toContain('action_network:af-1');
    expect((await t.app.inject({ method: 'GET', url: person._links.self!.href.replace(t.config.publicUrl, ''), headers: { 'osdi-api-token': keys.read } })).statusCode).toBe(200);

    // The same person again, by their foreign id: updated, not added, and no second event.
    const again = await post('/api/v1/people', { person: { identifiers: ['action_network:af-1'], given_name: 'Labby', email_addresses: [{ address: 'test-3@example.com' }] } }, keys.write);
    expect(again.statusCode).toBe(200);
    expect((again.json() as Person).identifiers[0]).toBe(person.identifiers[0]);
    expect(await byEmail('test-3@example.com')).toHaveLength(1);
    expect((await byEmail('test-3@example.com'))[0]).toMatchObject({ given_name: 'Labby', family_name: 'Edwin' });

    const events = await eventsNamed('person.signed_up');
    expect(events).toHaveLength(1);
    expect(events[0]!.data.tags).toEqual(['donor', 'volunteer']);
    await t.services.webhooks.idle();
    const delivered = received.find((r) => r.body.includes('test-3@example.com'));
    expect(delivered).toBeDefined();
    expect(verifyWebhook(hookSecret, String(delivered!.headers['unionhall-signature']), delivered!.body, Math.floor(Date.now() / 1000))).toBe(true);
    const audit = await t.database.db.select().from(auditEvents).where(eq(auditEvents.action, 'supporter.recorded_by_api'));
    expect(audit[0]?.details).toMatchObject({ origin: 'OpenSupporter (API key Action Network)' });
  });

  it('takes Action Network’s bare person at POST /people; an email alone is enough', async () => {
    const res = await post('/api/v1/people', { email_addresses: [{ address: 'alone@mail.example' }] }, keys.write);
    expect(res.statusCode, res.body).toBe(200);
    expect((res.json() as Person).email_addresses[0]?.address).toBe('alone@mail.example');
  });

  it('refuses a read key (403) and a person without an email (400 naming the field), changing nothing', async () => {
    const before = (await t.database.db.select().from(supporters)).length;
    const readOnly = await post('/api/v1/people', { person: { email_addresses: [{ address: 'nope@mail.example' }] } }, keys.read);
    expect(readOnly.statusCode).toBe(403);
    const noEmail = await post('/api/v1/people/person_signup_helper', { person: { given_name: 'No' } }, keys.write);
    expect(noEmail.statusCode).toBe(400);
    expect((noEmail.json() as { error: { fields: { field: string }[] } }).error.fields[0]?.field).toBe('body.person.email_addresses');
    expect((await t.database.db.select().from(supporters)).length).toBe(before);
  });
});

describe('without a key', () => {
  it('answers {} and keeps the person pending until the address confirms by the emailed link', async () => {
    const res = await post('/api/v1/people/person_signup_helper', { person: { given_name: 'Oda', email_addresses: [{ address: 'oda@mail.example' }], phone_numbers: [{ number: '+33 1 23 45 67 89' }] }, add_tags: ['parent'] });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({});
    expect(await byEmail('oda@mail.example')).toHaveLength(0);
    // Posted twice: still one email.
    await post('/api/v1/people', { person: { email_addresses: [{ address: 'oda@mail.example' }] } });
    const mails = (await openMail(t.services, await t.database.db.select().from(mailMessages))).filter((m) => m.toAddress === 'oda@mail.example');
    expect(mails).toHaveLength(1);
    expect(mails[0]?.kind).toBe('person_signup_confirmation');
    const link = /https?:\/\/\S+\/signup\/confirm\?\S+/.exec(mails[0]!.textBody)?.[0];
    expect(link).toBeDefined();

    const bad = await t.app.inject({ method: 'GET', url: link!.replace(t.config.publicUrl, '').replace(/t=[^&]+/, 't=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA') });
    expect(bad.statusCode).toBe(400);
    expect(await byEmail('oda@mail.example')).toHaveLength(0);

    const page = await t.app.inject({ method: 'GET', url: link!.replace(t.config.publicUrl, '') });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('confirmed');
    const [oda] = await byEmail('oda@mail.example');
    expect(oda).toMatchObject({ given_name: 'Oda', phone_numbers: [{ number: '+33 1 23 45 67 89' }] });
    const events = (await eventsNamed('person.signed_up')).filter((e) => e.data.person.email_addresses[0]?.address === 'oda@mail.example');
    expect(events).toHaveLength(1);
    expect(events[0]!.data.tags).toEqual(['parent']);
    // Opened twice: nothing more happens.
    expect((await t.app.inject({ method: 'GET', url: link!.replace(t.config.publicUrl, '') })).statusCode).toBe(200);
    expect((await eventsNamed('person.signed_up')).filter((e) => e.data.person.email_addresses[0]?.address === 'oda@mail.example')).toHaveLength(1);
  });

  it('never changes a confirmed person and sends them nothing', async () => {
    const res = await post('/api/v1/people', { person: { given_name: 'Mallory', email_addresses: [{ address: 'test-3@example.com' }] } });
    expect(res.statusCode).toBe(200);
    expect((await byEmail('test-3@example.com'))[0]?.given_name).toBe('Labby');
    const mails = (await openMail(t.services, await t.database.db.select().from(mailMessages))).filter((m) => m.toAddress === 'test-3@example.com');
    expect(mails).toHaveLength(0);
  });
});
