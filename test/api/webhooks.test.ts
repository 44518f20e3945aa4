import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { events, mailMessages, petitionSignatures, webhookDeliveries } from '../../src/db/schema/index.js';
import { openMail } from '../support/opened-rows.js';
import { verifyWebhook } from '../../src/domain/integrations/webhook-signature.js';
import { createCampaign, createMember, TEST_PASSWORD } from '../support/factories.js';
import { createPetition } from '../support/petition-helpers.js';
import { createTestApp, type Agent, type TestApp } from '../support/test-app.js';

// Webhooks (issue 14, decision 0032): recorded with the change, signed, delivered and retried.

type Received = { headers: IncomingHttpHeaders; body: string; answered: number };
let t: TestApp;
let admin: Agent;
let receiver: Server;
let receiverUrl: string;
let petitionId: string;
let campaignId: string;
let writeKey: string;
const received: Received[] = [];
// The receiver's answers, in order; then 200.
const answers: number[] = [];

beforeAll(async () => {
  receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      const answered = answers.shift() ?? 200;
      received.push({ headers: req.headers, body, answered });
      res.writeHead(answered).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks/unionhall`;
  t = await createTestApp({ config: { petitionIpHoldPerHour: 100_000, petitionIpLimitPerMinute: 100_000, petitionEmailLimitPerHour: 100 } });
  const fixture = await createCampaign(t.database.db, { slug: 'hooks', isDefault: true });
  petitionId = (await createPetition(t.database.db, fixture.campaign.id)).id;
  campaignId = fixture.campaign.id;
  const account = await createMember(t.database.db, fixture, 'admin');
  admin = t.agent();
  await admin.login(account.email, TEST_PASSWORD);
  writeKey = ((await admin.post('/api/campaigns/hooks/api-keys', { name: 'Action Network', scopes: ['read', 'write'] })).json() as { token: string }).token;
});
afterAll(async () => {
  await t.close();
  await new Promise((resolve) => receiver.close(resolve));
});

const vouch = (email: string) =>
  t.app.inject({ method: 'POST', url: `/api/v1/petitions/${petitionId}/signatures`, headers: { 'osdi-api-token': writeKey, 'content-type': 'application/json' }, payload: JSON.stringify({ person: { given_name: 'Ife', email_addresses: [{ address: email }] } }) });

describe('webhooks', () => {
  let secret: string;

  it('are registered by an admin for public-side events only, with the secret shown once', async () => {
    const cards = await admin.post('/api/campaigns/hooks/webhooks', { url: receiverUrl, events: ['card.signed'] });
    expect(cards.statusCode).toBe(400);
    expect((await admin.post('/api/campaigns/hooks/webhooks', { url: 'not a url', events: ['signature.confirmed'] })).statusCode).toBe(400);
    const res = await admin.post('/api/campaigns/hooks/webhooks', { url: receiverUrl, events: ['signature.confirmed'] });
    expect(res.statusCode, res.body).toBe(201);
    secret = (res.json() as { secret: string }).secret;
    expect(secret).toMatch(/^whsec_/);
    const list = await admin.get('/api/campaigns/hooks/webhooks');
    expect(list.body).not.toContain(secret);
    expect((list.json() as { webhooks: { url: string }[] }).webhooks.map((w) => w.url)).toEqual([receiverUrl]);
  });

  it('deliver a signed event, retry after a failure with back-off, and list the outcome', async () => {
    answers.push(500);
    expect((await vouch('ife@mail.example')).statusCode).toBe(200);
    // Recorded with the signature, in its transaction.
    const [recorded] = await t.database.db.select().from(webhookDeliveries);
    expect(recorded).toMatchObject({ event: 'signature.confirmed' });
    await t.services.webhooks.idle();

    expect(received).toHaveLength(1);
    const first = received[0]!;
    expect(first.answered).toBe(500);
    expect(first.headers['unionhall-event']).toBe('signature.confirmed');
    expect(verifyWebhook(secret, String(first.headers['unionhall-signature']), first.body, Math.floor(t.clock.now.getTime() / 1000))).toBe(true);
    expect(verifyWebhook('whsec_wrong', String(first.headers['unionhall-signature']), first.body, Math.floor(t.clock.now.getTime() / 1000))).toBe(false);
    const payload = JSON.parse(first.body) as { event: string; data: { petition_id: string; signature: { person: { given_name: string; email_addresses: { address: string }[] } } } };
    expect(payload).toMatchObject({ event: 'signature.confirmed', data: { petition_id: petitionId, signature: { person: { given_name: 'Ife', email_addresses: [{ address: 'ife@mail.example' }] } } } });

    let [row] = await t.database.db.select().from(webhookDeliveries);
    expect(row).toMatchObject({ attempts: 1, deliveredAt: null, lastStatus: 500, lastError: 'answered 500' });
    expect(row?.nextAttemptAt?.getTime()).toBe(t.clock.now.getTime() + 60_000);

    // Not yet due: nothing is sent.
    expect(await t.services.webhooks.retryDue()).toBe(0);
    t.clock.advanceMinutes(2);
    expect(await t.services.webhooks.retryDue()).toBe(1);
    expect(received).toHaveLength(2);
    expect(received[1]!.body).toBe(first.body);
    expect(verifyWebhook(secret, String(received[1]!.headers['unionhall-signature']), received[1]!.body, Math.floor(t.clock.now.getTime() / 1000))).toBe(true);
    [row] = await t.database.db.select().from(webhookDeliveries);
    expect(row).toMatchObject({ attempts: 2, lastStatus: 200, lastError: null, nextAttemptAt: null });
    expect(row?.deliveredAt).not.toBeNull();

    const list = (await admin.get('/api/campaigns/hooks/webhooks')).json() as { deliveries: { event: string; attempts: number; lastStatus: number; deliveredAt: string | null }[] };
    expect(list.deliveries).toEqual([expect.objectContaining({ event: 'signature.confirmed', attempts: 2, lastStatus: 200, deliveredAt: expect.any(String) })]);
  });

  it('tell about a public signature once, when the signer confirms by email, and not again', async () => {
    received.length = 0;
    const email = 'public@mail.example';
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/petitions/${petitionId}/record_signature_helper`, headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ person: { email_addresses: [{ address: email }] } }) });
    expect(res.statusCode).toBe(200);
    await t.services.webhooks.idle();
    expect(received).toHaveLength(0);
    const [mail] = await t.database.db.select().from(mailMessages).where(eq(mailMessages.toAddress, email));
    const link = /(http:\/\/\S+\/confirm\?token=[\w-]+)/.exec(mail?.textBody ?? '')?.[1];
    expect(link).toBeDefined();
    const path = new URL(link!).pathname + new URL(link!).search;
    expect((await t.agent().get(path)).statusCode).toBe(200);
    await t.services.webhooks.idle();
    expect(received).toHaveLength(1);
    expect(JSON.parse(received[0]!.body)).toMatchObject({ event: 'signature.confirmed', data: { signature: { person: { email_addresses: [{ address: email }] } } } });
    // A second click changes nothing and tells no one.
    expect((await t.agent().get(path)).statusCode).toBe(200);
    await t.services.webhooks.idle();
    expect(received).toHaveLength(1);
  });

  it('tell about a held signature when an organizer approves it, if its email was confirmed', async () => {
    received.length = 0;
    const id = crypto.randomUUID();
    await t.database.db.insert(petitionSignatures).values({ id, petitionId, givenName: 'Held', familyName: 'Signer', email: 'held@mail.example', relationship: 'parent', status: 'held_for_review', holdReason: 'ip_rate', confirmedAt: new Date(), source: 'web' });
    const res = await admin.post(`/api/campaigns/hooks/petitions/${petitionId}/held/${id}/approve`);
    expect(res.statusCode, res.body).toBe(200);
    await t.services.webhooks.idle();
    expect(received).toHaveLength(1);
    expect(JSON.parse(received[0]!.body)).toMatchObject({ event: 'signature.confirmed', data: { signature: { identifiers: [`unionhall:${id}`] } } });
  });

  it('tell about an RSVP: at once from a write key, after the email’s confirmation without one, and once', async () => {
    const hook = await admin.post('/api/campaigns/hooks/webhooks', { url: receiverUrl, events: ['attendance.confirmed'] });
    expect(hook.statusCode, hook.body).toBe(201);
    const rsvpSecret = (hook.json() as { secret: string }).secret;
    const startsAt = new Date(t.clock.now.getTime() + 7 * 86_400_000);
    const [event] = await t.database.db.insert(events).values({ campaignId, slug: 'rally', kind: 'rally', title: 'Rally', startsAt, endsAt: new Date(startsAt.getTime() + 3_600_000) }).returning();
    const attend = (email: string, token?: string) =>
      t.app.inject({ method: 'POST', url: `/api/v1/events/${event!.id}/attendances`, headers: { 'content-type': 'application/json', ...(token ? { 'osdi-api-token': token } : {}) }, payload: JSON.stringify({ person: { given_name: 'Ngozi', email_addresses: [{ address: email }] } }) });
    received.length = 0;
    expect((await attend('vouched-rsvp@mail.example', writeKey)).statusCode).toBe(200);
    await t.services.webhooks.idle();
    expect(received).toHaveLength(1);
    expect(received[0]!.headers['unionhall-event']).toBe('attendance.confirmed');
    expect(verifyWebhook(rsvpSecret, String(received[0]!.headers['unionhall-signature']), received[0]!.body, Math.floor(t.clock.now.getTime() / 1000))).toBe(true);
    expect(JSON.parse(received[0]!.body)).toMatchObject({ event: 'attendance.confirmed', data: { event_id: event!.id, attendance: { status: 'accepted', person: { given_name: 'Ngozi', email_addresses: [{ address: 'vouched-rsvp@mail.example' }] } } } });

    received.length = 0;
    expect((await attend('public-rsvp@mail.example')).statusCode).toBe(200);
    await t.services.webhooks.idle();
    expect(received).toHaveLength(0);
    const mails = await openMail(t.services, await t.database.db.select().from(mailMessages).where(eq(mailMessages.kind, 'event_rsvp_confirm')));
    const mail = mails.find((m) => m.toAddress === 'public-rsvp@mail.example');
    const link = /(http:\/\/\S+\/confirm\?token=[\w-]+)/.exec(mail?.textBody ?? '')?.[1];
    expect(link).toBeDefined();
    const path = new URL(link!).pathname + new URL(link!).search;
    expect((await t.agent().get(path)).statusCode).toBe(303);
    await t.services.webhooks.idle();
    expect(received).toHaveLength(1);
    expect(JSON.parse(received[0]!.body)).toMatchObject({ event: 'attendance.confirmed', data: { attendance: { person: { email_addresses: [{ address: 'public-rsvp@mail.example' }] } } } });
    expect((await t.agent().get(path)).statusCode).toBe(303);
    await t.services.webhooks.idle();
    expect(received).toHaveLength(1);
    // The event page: a new RSVP tells them, answering again does not.
    received.length = 0;
    const visitor = t.agent();
    const page = await visitor.get('/events/rally');
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1];
    expect(csrf).toBeDefined();
    const answer = (email: string) =>
      visitor.request({ method: 'POST', url: '/events/rally/rsvp', withCsrf: false, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams({ _csrf: csrf!, name: 'Bisi', email, phone: '' }).toString() });
    expect((await answer('page-rsvp@mail.example')).statusCode).toBe(303);
    await t.services.webhooks.idle();
    expect(received).toHaveLength(1);
    expect(JSON.parse(received[0]!.body)).toMatchObject({ event: 'attendance.confirmed', data: { attendance: { person: { given_name: 'Bisi', email_addresses: [{ address: 'page-rsvp@mail.example' }] } } } });
    expect((await answer('page-rsvp@mail.example')).statusCode).toBe(303);
    await t.services.webhooks.idle();
    expect(received).toHaveLength(1);

    const hooks = (await admin.get('/api/campaigns/hooks/webhooks')).json() as { webhooks: { id: string; events: string[] }[] };
    const rsvpHook = hooks.webhooks.find((w) => w.events.includes('attendance.confirmed'));
    expect((await admin.request({ method: 'DELETE', url: `/api/campaigns/hooks/webhooks/${rsvpHook!.id}` })).statusCode).toBe(204);
  });

  it('stop when removed', async () => {
    const list = (await admin.get('/api/campaigns/hooks/webhooks')).json() as { webhooks: { id: string }[] };
    expect((await admin.request({ method: 'DELETE', url: `/api/campaigns/hooks/webhooks/${list.webhooks[0]!.id}` })).statusCode).toBe(204);
    received.length = 0;
    expect((await vouch('after-removal@mail.example')).statusCode).toBe(200);
    await t.services.webhooks.idle();
    expect(received).toHaveLength(0);
  });
});
