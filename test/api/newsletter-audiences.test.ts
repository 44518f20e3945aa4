import { simpleParser, type ParsedMail } from 'mailparser';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, employers, events, mailMessages, mailSuppressions, updateConsents } from '../../src/db/schema/index.js';
import { addCardText, signByForm } from '../support/card-fixtures.js';
import { createCampaign, createMember, TEST_PASSWORD, type CampaignFixture } from '../support/factories.js';
import { openMail } from '../support/opened-rows.js';
import { startSmtpSink } from '../support/smtp-sink.js';
import { createTestApp, type Agent, type TestApp } from '../support/test-app.js';

let sink: Awaited<ReturnType<typeof startSmtpSink>>;
let t: TestApp;
let fixture: CampaignFixture;
let admin: Agent;
let api: string;

beforeAll(async () => {
  sink = await startSmtpSink();
  t = await createTestApp({ config: { smtpUrl: sink.url, mailFrom: 'Unionhall <news@union.example.org>' } });
  fixture = await createCampaign(t.database.db, { isDefault: true, sites: 2, perSite: 4 });
  // The first school's employer reads mail at school1.example (and its subdomains).
  const [firstEmployer] = await t.database.db.select().from(employers).where(eq(employers.campaignId, fixture.campaign.id));
  await t.database.db.update(employers).set({ emailDomains: ['school1.example'] }).where(eq(employers.id, firstEmployer!.id));
  const account = await createMember(t.database.db, fixture, 'admin');
  admin = t.agent();
  await admin.login(account.email, TEST_PASSWORD);
  api = `/api/campaigns/${fixture.campaign.slug}`;
});
afterAll(async () => {
  await t.close();
  await sink.close();
});

const person = (i: number) => fixture.people[i]!;

async function createPublished(title: string, lang: 'en' | 'es'): Promise<string> {
  const created = await admin.post(`${api}/newsletters`, { title, bodyMarkdown: `News: **${title}**`, status: 'published', lang });
  expect(created.statusCode).toBe(201);
  return (created.json() as { newsletter: { id: string } }).newsletter.id;
}

async function delivered(subject: string): Promise<ParsedMail[]> {
  await t.services.mailer.idle();
  const parsed = await Promise.all(sink.received.map((m) => simpleParser(m.raw)));
  return parsed.filter((m) => m.subject === subject);
}

const headerText = (mail: ParsedMail, name: string): string => {
  const line = mail.headerLines.find((h) => h.key === name);
  return line ? line.line.slice(line.line.indexOf(':') + 1).trim() : '';
};

const toOf = (m: ParsedMail) => (m.to && !Array.isArray(m.to) ? m.to.text : '');

async function auditOf(action: string) {
  return t.database.db.select().from(auditEvents).where(and(eq(auditEvents.campaignId, fixture.campaign.id), eq(auditEvents.action, action)));
}

type AudienceView = {
  audiences: string[];
  subscribers: number;
  recipients: { roster: number; attendees: number };
  excluded: Record<string, number>;
  otherVersion: number;
  people: { name: string | null; address: string; lang: string; audience: string; source: string; reason: string | null }[] | null;
};

describe('educators on the roster as a newsletter audience', () => {
  it('records consent from a conversation, a subscription and a card, and refuses an employer address by field', async () => {
    const conversation = await admin.post(`${api}/people/${person(0).id}/update-consents`, { source: 'conversation', address: 'Rosa@Home.example', lang: 'es' });
    expect(conversation.statusCode).toBe(201);
    expect(conversation.json()).toMatchObject({ source: 'conversation', lang: 'es' });
    expect((await admin.post(`${api}/people/${person(4).id}/update-consents`, { source: 'conversation', address: 'sam@home.example', lang: 'en' })).statusCode).toBe(201);

    const atWork = await admin.post(`${api}/people/${person(1).id}/update-consents`, { source: 'conversation', address: 'ben@staff.school1.example', lang: 'en' });
    expect(atWork.statusCode).toBe(400);
    expect(atWork.json()).toMatchObject({ error: { code: 'validation_failed', fields: [{ field: 'body.address', reason: 'is at an employer’s email domain' }] } });

    const { subscribers } = t.services.repositories;
    const sub = await subscribers.request(fixture.campaign.id, 'dee@example.org', 'en');
    await subscribers.confirm(sub!.id, t.clock.now);
    expect((await admin.post(`${api}/people/${person(2).id}/update-consents`, { source: 'subscription', subscriberId: sub!.id })).statusCode).toBe(201);

    // A card's optional "send me updates" tick.
    await addCardText(t.database.db, fixture.campaign.id);
    const signed = await signByForm(t.agent(), '/card', { legal_name: 'Cora Card', email: 'cora@mail.example', phone: '555 010 2030', worksite_id: fixture.sites[1]!.id, job_title: 'Teacher', updates: 'yes' });
    expect(signed.statusCode).toBe(200);
    const notTicked = await signByForm(t.agent(), '/card', { legal_name: 'Nora Card', email: 'nora@mail.example', phone: '555 010 2031', worksite_id: fixture.sites[1]!.id, job_title: 'Teacher' });
    expect(notTicked.statusCode).toBe(200);

    // An address at the employer's domain recorded before the domain was set up is kept, and excluded at send.
    await t.services.repositories.updateConsents.record({ campaignId: fixture.campaign.id, address: 'old@school1.example', personId: person(3).id, lang: 'en', source: 'conversation', givenOn: '2026-01-05', recordedBy: null });

    const rows = await t.database.db.select().from(updateConsents).where(eq(updateConsents.campaignId, fixture.campaign.id));
    expect(rows.map((r) => r.source).sort()).toEqual(['card', 'conversation', 'conversation', 'conversation', 'subscription']);
    // Sealed at rest: neither the address nor the person is readable in the table.
    expect(JSON.stringify(rows)).not.toContain('home.example');
    expect(JSON.stringify(rows)).not.toContain('cora@mail.example');
    expect(JSON.stringify(rows)).not.toContain(person(0).id);
    expect((await auditOf('update_consent.recorded')).length).toBe(3);
  });

  it('shows who would get it and who is left out with the reason, audited, and sends each their language', async () => {
    const en = await createPublished('Bargaining survey', 'en');
    const es = await createPublished('Encuesta de negociación', 'es');
    expect((await admin.put(`${api}/newsletters/${en}/audience`, { audiences: ['subscribers', 'roster'] })).statusCode).toBe(200);
    const version = await admin.put(`${api}/newsletters/${es}/audience`, { audiences: ['roster'], versionOf: en });
    expect(version.json()).toMatchObject({ newsletter: { audiences: ['roster'], versionOf: en } });
    expect((await auditOf('newsletter.audience_chosen')).map((a) => a.details)).toContainEqual({ audiences: ['subscribers', 'roster'], eventId: null, versionOf: null });

    const view = await admin.get(`${api}/newsletters/${en}/audience`);
    expect(view.statusCode).toBe(200);
    const audience = view.json() as AudienceView;
    // Rosa reads Spanish and there is a Spanish version: not this issue's. Dee is a subscriber already.
    expect(audience).toMatchObject({ subscribers: 1, recipients: { roster: 2, attendees: 0 }, excluded: { employer_domain: 1, duplicate: 1, bounced: 0, unsubscribed: 0 }, otherVersion: 1 });
    expect(audience.people?.map((p) => [p.address, p.reason]).sort()).toEqual([
      ['cora@mail.example', null],
      ['dee@example.org', 'duplicate'],
      ['old@school1.example', 'employer_domain'],
      ['sam@home.example', null],
    ]);
    expect(audience.people?.find((p) => p.address === 'sam@home.example')?.name).toBe(`${person(4).givenName} ${person(4).familyName}`);
    expect((await auditOf('newsletter.audience_viewed')).map((a) => a.details)).toContainEqual({ listed: true, recipients: 2, excluded: 2 });

    expect((await admin.post(`${api}/newsletters/${en}/send`)).json()).toEqual({ sent: 3, otherLanguages: 0, suppressed: 0, excluded: 2 });
    expect((await admin.post(`${api}/newsletters/${es}/send`)).json()).toEqual({ sent: 1, otherLanguages: 0, suppressed: 0, excluded: 0 });

    const english = await delivered('Bargaining survey');
    expect(english.map(toOf).sort()).toEqual(['cora@mail.example', 'dee@example.org', 'sam@home.example']);
    const spanish = await delivered('Encuesta de negociación');
    expect(spanish.map(toOf)).toEqual(['rosa@home.example']);
    expect(spanish[0]?.headers.get('content-language')).toBe('es');
    const sam = english.find((m) => toOf(m) === 'sam@home.example')!;
    expect(sam.html).toContain('<strong>Bargaining survey</strong>');
    const unsubscribe = headerText(sam, 'list-unsubscribe');
    expect(unsubscribe).toMatch(/^<http.*\/news\/unsubscribe\?m=[0-9a-f-]{36}&t=[\w-]+>$/);
    expect(headerText(sam, 'list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    expect(sam.text).toContain(unsubscribe.slice(1, -1));
    expect(sink.received.some((m) => m.to.some((to) => to.includes('school1.example')))).toBe(false);

    // The educator's message is sealed at rest, like a card confirmation.
    const stored = await t.database.db.select().from(mailMessages).where(eq(mailMessages.newsletterId, en));
    expect(JSON.stringify(stored.map((r) => r.toAddress))).not.toContain('sam@home.example');
    expect((await openMail(t.services, stored)).map((r) => r.toAddress).sort()).toEqual(['cora@mail.example', 'dee@example.org', 'sam@home.example']);
  });

  it('unsubscribes an educator by the one-click link: consent withdrawn, the address skipped later', async () => {
    const [sam] = (await delivered('Bargaining survey')).filter((m) => toOf(m) === 'sam@home.example');
    const url = new URL(headerText(sam!, 'list-unsubscribe').slice(1, -1));
    const path = `${url.pathname}${url.search}`;
    const ask = await t.agent().get(path);
    expect(ask.statusCode).toBe(200);
    expect(ask.body).toContain('sam@home.example');
    const forged = await t.agent().request({ method: 'POST', url: path.replace(/t=[\w-]+/, 't=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'), payload: 'List-Unsubscribe=One-Click', headers: { 'content-type': 'application/x-www-form-urlencoded' }, withCsrf: false });
    expect(forged.statusCode).toBe(400);
    const done = await t.agent().request({ method: 'POST', url: path, payload: 'List-Unsubscribe=One-Click', headers: { 'content-type': 'application/x-www-form-urlencoded' }, withCsrf: false });
    expect(done.statusCode).toBe(200);
    const [suppression] = await t.database.db.select().from(mailSuppressions).where(and(eq(mailSuppressions.campaignId, fixture.campaign.id), eq(mailSuppressions.address, 'sam@home.example')));
    expect(suppression?.reason).toBe('unsubscribed');

    const next = await createPublished('Second update', 'en');
    await admin.put(`${api}/newsletters/${next}/audience`, { audiences: ['roster'] });
    const audience = (await admin.get(`${api}/newsletters/${next}/audience`)).json() as AudienceView;
    expect(audience.people?.some((p) => p.address === 'sam@home.example')).toBe(false);
    const sent = (await admin.get(`${api}/newsletters`)).json() as { newsletters: { id: string; title: string }[] };
    const first = sent.newsletters.find((n) => n.title === 'Bargaining survey')!;
    const delivery = (await admin.get(`${api}/newsletters/${first.id}/delivery`)).json() as { unsubscribedSince: number };
    expect(delivery.unsubscribedSince).toBe(1);
  });

  it('refuses choosing no audience, an unknown event, or a version in the same language, by field', async () => {
    const id = await createPublished('Draft choice', 'en');
    const none = await admin.put(`${api}/newsletters/${id}/audience`, { audiences: [] });
    expect(none.statusCode).toBe(400);
    expect(JSON.stringify(none.json())).toContain('body.audiences');
    const event = await admin.put(`${api}/newsletters/${id}/audience`, { audiences: ['attendees'], eventId: '0190aaaa-0000-7000-8000-000000000000' });
    expect(event.json()).toMatchObject({ error: { fields: [{ field: 'body.eventId' }] } });
    const other = await createPublished('Same language', 'en');
    const same = await admin.put(`${api}/newsletters/${id}/audience`, { audiences: ['roster'], versionOf: other });
    expect(same.json()).toMatchObject({ error: { fields: [{ field: 'body.versionOf', reason: 'is in the same language' }] } });
  });
});

describe('event attendees as a newsletter audience', () => {
  it('sends to those who RSVPed to the chosen event, in their language or the main one, never at an employer domain', async () => {
    const hour = 3600_000;
    const now = t.clock.now.getTime();
    const [meeting] = await t.database.db
      .insert(events)
      .values({ campaignId: fixture.campaign.id, slug: 'meeting', kind: 'meeting', title: 'Meeting', startsAt: new Date(now - 48 * hour), endsAt: new Date(now - 46 * hour) })
      .returning();
    const [rally] = await t.database.db
      .insert(events)
      .values({ campaignId: fixture.campaign.id, slug: 'rally', kind: 'rally', title: 'Rally', startsAt: new Date(now - 24 * hour), endsAt: new Date(now - 22 * hour) })
      .returning();
    const { events: repo } = t.services.repositories;
    await repo.upsertRsvp({ eventId: meeting!.id, name: 'Lupe', email: 'lupe@example.org', phone: null, lang: 'es' });
    await repo.upsertRsvp({ eventId: meeting!.id, name: 'Tom', email: 'tom@example.org', phone: null, lang: 'en' });
    await repo.upsertRsvp({ eventId: meeting!.id, name: 'Work', email: 'work@school1.example', phone: null, lang: 'en' });
    await repo.upsertRsvp({ eventId: rally!.id, name: 'Rally only', email: 'rally@example.org', phone: null, lang: 'en' });

    const id = await createPublished('After the meeting', 'en');
    expect((await admin.put(`${api}/newsletters/${id}/audience`, { audiences: ['attendees'], eventId: meeting!.id })).statusCode).toBe(200);
    const audience = (await admin.get(`${api}/newsletters/${id}/audience`)).json() as AudienceView;
    expect(audience).toMatchObject({ subscribers: 0, recipients: { roster: 0, attendees: 2 }, excluded: { employer_domain: 1 } });
    // No Spanish version: Lupe gets the main-language issue.
    expect((await admin.post(`${api}/newsletters/${id}/send`)).json()).toEqual({ sent: 2, otherLanguages: 0, suppressed: 0, excluded: 1 });
    const mails = await delivered('After the meeting');
    expect(mails.map(toOf).sort()).toEqual(['lupe@example.org', 'tom@example.org']);
    expect(mails.every((m) => headerText(m, 'list-unsubscribe').includes('/news/unsubscribe?m='))).toBe(true);

    const any = await createPublished('Every event', 'en');
    await admin.put(`${api}/newsletters/${any}/audience`, { audiences: ['attendees'] });
    expect((await admin.post(`${api}/newsletters/${any}/send`)).json()).toMatchObject({ sent: 3, excluded: 1 });
    expect((await delivered('Every event')).map(toOf).sort()).toEqual(['lupe@example.org', 'rally@example.org', 'tom@example.org']);
  });
});
