import { generateKeyPairSync } from 'node:crypto';
import { simpleParser, type ParsedMail } from 'mailparser';
// The DKIM verifier alone: mailauth's index also loads its BIMI fetcher (undici), which needs Node 22.
import { dkimVerify } from 'mailauth/lib/dkim/verify.js';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, eventRsvps, events, mailSuppressions } from '../../src/db/schema/index.js';
import { createAccount, createCampaign, createMember, TEST_PASSWORD, type CampaignFixture } from '../support/factories.js';
import { systemRequester } from '../../src/domain/commands/requester.js';
import { sendDueNewsletters } from '../../src/domain/newsletters/send-due-newsletters.js';
import { sendDueEventReminders } from '../../src/domain/events/send-due-event-reminders.js';
import { startSmtpSink } from '../support/smtp-sink.js';
import { createTestApp, type Agent, type TestApp } from '../support/test-app.js';

// A DKIM key pair for the test domain; its public half is what the verifier's "DNS" answers.
const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const dkimRecord = `v=DKIM1; k=rsa; p=${publicKey.export({ type: 'spki', format: 'der' }).toString('base64')}`;
const resolver = async (name: string, type: string): Promise<string[][]> => {
  if (type === 'TXT' && name === 'uh2026._domainkey.union.example.org') return [[dkimRecord]];
  throw Object.assign(new Error(`no ${type} record for ${name}`), { code: 'ENOTFOUND' });
};

// The sink refuses one mailbox for good, as a receiving server does for an address that does not exist.
let sink: Awaited<ReturnType<typeof startSmtpSink>>;
let t: TestApp;
let fixture: CampaignFixture;
let organizer: Agent;
let organizerEmail: string;
let api: string;
let firstSendId: string;

beforeAll(async () => {
  sink = await startSmtpSink({
    onRcptTo(address, _session, callback) {
      if (address.address === 'gone@example.org') return callback(Object.assign(new Error('5.1.1 No such mailbox'), { responseCode: 550 }));
      callback();
    },
  });
  t = await createTestApp({
    config: {
      smtpUrl: sink.url,
      mailFrom: 'Unionhall <news@union.example.org>',
      dkim: { domainName: 'union.example.org', keySelector: 'uh2026', privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() },
    },
  });
  fixture = await createCampaign(t.database.db, { isDefault: true });
  const account = await createMember(t.database.db, fixture, 'admin');
  organizerEmail = account.email;
  organizer = t.agent();
  await organizer.login(account.email, TEST_PASSWORD);
  api = `/api/campaigns/${fixture.campaign.slug}`;
  const { subscribers } = t.services.repositories;
  for (const [email, lang] of [
    ['ana@example.org', 'en'],
    ['ben@example.org', 'en'],
    ['gone@example.org', 'en'],
    ['lucia@example.org', 'es'],
  ] as const) {
    const row = await subscribers.request(fixture.campaign.id, email, lang);
    await subscribers.confirm(row!.id, t.clock.now);
  }
});
afterAll(async () => {
  await t.close();
  await sink.close();
});

const body = [
  '# The memo',
  '',
  'We learned of a **memo** from the Alliance.<script>alert(1)</script>',
  '',
  '| School | Signed |',
  '| --- | --- |',
  '| Harbor | 40 |',
  '',
  'Sign [the petition](https://example.org/petition).',
].join('\n');

async function createPublished(title: string, lang: 'en' | 'es', markdown = body): Promise<string> {
  const created = await organizer.post(`${api}/newsletters`, { title, bodyMarkdown: markdown, status: 'published', lang });
  expect(created.statusCode).toBe(201);
  return (created.json() as { newsletter: { id: string } }).newsletter.id;
}

async function receivedWithSubject(subject: string, count: number): Promise<ParsedMail[]> {
  await t.services.mailer.idle();
  const parsed = await Promise.all(sink.received.map((m) => simpleParser(m.raw)));
  const mails = parsed.filter((m) => m.subject === subject);
  expect(mails).toHaveLength(count);
  return mails;
}

const headerText = (mail: ParsedMail, name: string): string => {
  const line = mail.headerLines.find((h) => h.key === name);
  return line ? line.line.slice(line.line.indexOf(':') + 1).trim() : '';
};

describe('newsletter email through a real SMTP server', () => {
  it('sends an HTML part in the campaign template and a readable text part, DKIM-signed over the one-click headers', async () => {
    const settings = await organizer.put(`${api}/settings`, { mailSenderName: 'Meridian Educators United', mailReplyTo: 'Organizers@Union.example.org', brandColor: '#0b5394' });
    expect(settings.statusCode).toBe(200);
    const id = await createPublished('Alliance admits the memo', 'en');
    firstSendId = id;
    const sent = await organizer.post(`${api}/newsletters/${id}/send`);
    expect(sent.json()).toEqual({ sent: 3, otherLanguages: 1, suppressed: 0, excluded: 0 });

    const mails = await receivedWithSubject('Alliance admits the memo', 2);
    expect(mails.map((m) => m.to && !Array.isArray(m.to) ? m.to.text : '').sort()).toEqual(['ana@example.org', 'ben@example.org']);
    for (const mail of mails) {
      // HTML part: the template (campaign name, color, lang), the sanitized body, a real h1.
      const html = mail.html || '';
      expect(html).toContain('<html lang="en"');
      expect(html).toContain(fixture.campaign.name);
      expect(html).toContain('#0b5394');
      expect(html).toMatch(/<h1[^>]*>Alliance admits the memo<\/h1>/);
      expect(html).toContain('<h2>The memo</h2>');
      expect(html).toContain('<strong>memo</strong>');
      expect(html).toContain('<a href="https://example.org/petition">the petition</a>');
      expect(html).toMatch(/<td>Harbor<\/td>/);
      expect(html).not.toMatch(/<script|alert\(1\)/);
      // Text part: what people read, not the Markdown source.
      const text = mail.text ?? '';
      expect(text).toContain('The memo\n\nWe learned of a memo from the Alliance.');
      expect(text).toContain('the petition [https://example.org/petition]');
      expect(text).toMatch(/School +Signed\nHarbor +40/);
      expect(text).not.toMatch(/\*\*|# |\||<script|alert/);
      // Headers: sender name, Reply-To, language, one-click unsubscribe (RFC 8058), not automatic.
      expect(headerText(mail, 'from')).toBe('Meridian Educators United <news@union.example.org>');
      expect(headerText(mail, 'reply-to')).toBe('organizers@union.example.org');
      expect(headerText(mail, 'content-language')).toBe('en');
      expect(headerText(mail, 'auto-submitted')).toBe('');
      const unsubscribe = /^<(https?:\/\/[^>]+\/news\/unsubscribe\?s=[0-9a-f-]+&t=[\w-]+)>$/.exec(headerText(mail, 'list-unsubscribe'))?.[1];
      expect(unsubscribe).toBeDefined();
      expect(headerText(mail, 'list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
      // The same personal link in both parts.
      expect(html).toContain(`href="${unsubscribe!.replace(/&/g, '&amp;')}"`);
      expect(text).toContain(unsubscribe);
    }

    for (const raw of sink.received.filter((m) => m.headers.get('subject') === 'Alliance admits the memo')) {
      const result = await dkimVerify(Buffer.from(raw.raw), { resolver });
      expect(result.results).toHaveLength(1);
      const [signature] = result.results;
      expect(signature?.status.result).toBe('pass');
      expect(signature?.signingDomain).toBe('union.example.org');
      const signed = (signature?.signingHeaders?.keys ?? '').toLowerCase().split(':').map((key) => key.trim());
      expect(signed).toEqual(expect.arrayContaining(['from', 'subject', 'list-unsubscribe', 'list-unsubscribe-post', 'content-language']));
      // A changed one-click header breaks the signature: providers can trust what it says.
      const tampered = raw.raw.replace(/^List-Unsubscribe:(\r\n)? <https?:\/\//m, 'List-Unsubscribe: <https://evil.example/?');
      expect(tampered).not.toBe(raw.raw);
      expect((await dkimVerify(Buffer.from(tampered), { resolver })).results[0]?.status.result).toBe('fail');
    }
  });

  it('suppresses an address that hard-bounced, shows it in the send results, and skips it later', async () => {
    // The first send (above) went to gone@example.org too, which the server refused with a 550.
    const first = firstSendId;
    const [suppressed] = await t.database.db.select().from(mailSuppressions).where(eq(mailSuppressions.address, 'gone@example.org'));
    expect(suppressed?.reason).toContain('No such mailbox');

    const delivery = (await organizer.get(`${api}/newsletters/${first}/delivery`)).json() as { messages: Record<string, number>; suppressed: number; audience: { lang: string; count: number; suppressed: number }[] };
    expect(delivery.messages).toEqual({ total: 3, sent: 2, pending: 0, failed: 1, bounced: 1 });
    expect(delivery.suppressed).toBe(1);
    expect(delivery.audience).toEqual([
      { lang: 'en', count: 3, suppressed: 1 },
      { lang: 'es', count: 1, suppressed: 0 },
    ]);
    // No address leaves in the results.
    expect(JSON.stringify(delivery)).not.toContain('@');

    const second = await createPublished('Second of two', 'en');
    expect((await organizer.post(`${api}/newsletters/${second}/send`)).json()).toEqual({ sent: 2, otherLanguages: 1, suppressed: 1, excluded: 0 });
    await receivedWithSubject('Second of two', 2);
  });

  it('sends each language its own newsletter', async () => {
    const id = await createPublished('Boletín de junio', 'es', '## Noticias\n\n¡Ganamos **juntos**!');
    expect((await organizer.post(`${api}/newsletters/${id}/send`)).json()).toEqual({ sent: 1, otherLanguages: 3, suppressed: 0, excluded: 0 });
    const [mail] = await receivedWithSubject('Boletín de junio', 1);
    expect(mail?.to && !Array.isArray(mail.to) ? mail.to.text : '').toBe('lucia@example.org');
    expect(headerText(mail!, 'content-language')).toBe('es');
    expect(mail?.html).toContain('<html lang="es"');
    expect(mail?.html).toContain('Darse de baja con un clic');
    expect(mail?.text).toContain('¡Ganamos juntos!');
    expect(mail?.text).toContain('Darse de baja con un clic');
  });

  it('sends a test copy to the organizer only, before publishing, marked as a test', async () => {
    const created = await organizer.post(`${api}/newsletters`, { title: 'Draft to check', bodyMarkdown: 'Looks **right**?' });
    const id = (created.json() as { newsletter: { id: string } }).newsletter.id;
    const before = sink.received.length;
    const res = await organizer.post(`${api}/newsletters/${id}/test-send`);
    expect(res.json()).toEqual({ to: organizerEmail });
    const [mail] = await receivedWithSubject('[Test] Draft to check', 1);
    expect(sink.received.slice(before).flatMap((m) => m.to)).toEqual([organizerEmail]);
    expect(mail?.html).toContain('<strong>right</strong>');
    expect(mail?.text).toContain('Looks right?');
    // The editor's preview opens the same HTML in its own sandboxed tab.
    const preview = await organizer.get(`${api}/newsletters/${id}/email-preview`);
    expect(preview.statusCode).toBe(200);
    expect(preview.headers['content-type']).toContain('text/html');
    expect(preview.headers['content-security-policy']).toContain('sandbox');
    expect(preview.body).toMatch(/<h1[^>]*>Draft to check<\/h1>/);
    expect(preview.body).toContain('<strong>right</strong>');
    expect((await t.agent().get(`${api}/newsletters/${id}/email-preview`)).statusCode).toBe(401);
    // Still a draft, never sent: the real send is refused until it is published.
    expect((await organizer.post(`${api}/newsletters/${id}/send`)).statusCode).toBe(409);
    const audit = await t.database.db.select().from(auditEvents).where(eq(auditEvents.subjectId, id));
    expect(audit.map((a) => a.action)).toContain('newsletter.test_sent');
  });

  it('sends a scheduled newsletter when its time comes, once, and not before it is published', async () => {
    const created = await organizer.post(`${api}/newsletters`, { title: 'Scheduled news', bodyMarkdown: 'On time.', lang: 'en' });
    const id = (created.json() as { newsletter: { id: string } }).newsletter.id;
    const at = (minutes: number) => new Date(t.clock.now.getTime() + minutes * 60_000).toISOString();
    const schedule = (sendAt: string | null) => organizer.request({ method: 'PUT', url: `${api}/newsletters/${id}/send-schedule`, payload: { sendAt } as unknown as string });
    const past = await schedule(at(-5));
    expect(past.statusCode).toBe(400);
    expect((past.json() as { error: { fields: { field: string }[] } }).error.fields[0]?.field).toBe('body.sendAt');
    // The app sends a day and time on the campaign's wall clock (Los Angeles), winter or summer.
    const wallClock = (sendOn: string, sendTime: string) => organizer.put(`${api}/newsletters/${id}/send-schedule`, { sendOn, sendTime });
    expect((await wallClock('2030-01-15', '09:00')).json()).toEqual({ sendAt: '2030-01-15T17:00:00.000Z', sendOn: '2030-01-15', sendTime: '09:00', timeZone: 'America/Los_Angeles' });
    expect((await wallClock('2030-07-15', '09:00')).json()).toMatchObject({ sendAt: '2030-07-15T16:00:00.000Z' });
    expect((await wallClock('2030-07-15', '9am')).statusCode).toBe(400);
    expect((await schedule(at(60))).json()).toMatchObject({ sendAt: at(60), timeZone: 'America/Los_Angeles' });

    const sweep = () => t.services.execute(sendDueNewsletters, systemRequester('system'), { publicUrl: t.config.publicUrl, secret: t.config.sessionSecret });
    expect(await sweep()).toBe(0);
    t.clock.advanceMinutes(61);
    // Due, but still a draft: it waits for its publication.
    expect(await sweep()).toBe(0);
    await organizer.login(organizerEmail, TEST_PASSWORD);
    await organizer.request({ method: 'PATCH', url: `${api}/newsletters/${id}`, payload: { status: 'published' } as unknown as string });
    expect(await sweep()).toBe(1);
    expect(await sweep()).toBe(0);
    await receivedWithSubject('Scheduled news', 2);
    const list = (await organizer.get(`${api}/newsletters`)).json() as { newsletters: { id: string; sentCount: number; sentAt: string | null }[] };
    expect(list.newsletters.find((n) => n.id === id)).toMatchObject({ sentCount: 2 });
    expect((await schedule(at(90))).statusCode).toBe(409);
    const audit = await t.database.db.select().from(auditEvents).where(eq(auditEvents.subjectId, id));
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['newsletter.send_scheduled', 'newsletter.sent']));
  });

  it('marks automatic messages Auto-Submitted (RFC 3834) and in their language', async () => {
    const account = await createAccount(t.database.db);
    expect((await t.agent().post('/api/auth/password-reset', { email: account.email })).statusCode).toBe(202);
    await t.services.mailer.idle();
    const raw = sink.received.find((m) => m.to.includes(account.email));
    expect(raw?.headers.get('auto-submitted')).toBe('auto-generated');
  });

  it('keeps the mail settings in the campaign settings only (admins), refuses a bad color by field, and shows DKIM from the configuration', async () => {
    const member = await createMember(t.database.db, fixture, 'organizer');
    const agent = t.agent();
    await agent.login(member.email, TEST_PASSWORD);
    expect((await agent.put(`${api}/settings`, { brandColor: '#000000' })).statusCode).toBe(403);
    const bad = await organizer.put(`${api}/settings`, { brandColor: 'red' });
    expect(bad.statusCode).toBe(400);
    expect((bad.json() as { error: { fields: { field: string }[] } }).error.fields.map((f) => f.field)).toEqual(['body.brandColor']);
    // The second API that wrote the same columns is gone.
    expect((await organizer.put(`${api}/mail-settings`, { senderName: null, replyTo: null, brandColor: '#000000' })).statusCode).toBe(404);
    const setup = (await organizer.get(`${api}/setup`)).json() as { settings: { mailSenderName: string; mailReplyTo: string; brandColor: string }; mail: unknown };
    expect(setup.settings).toMatchObject({ mailSenderName: 'Meridian Educators United', mailReplyTo: 'organizers@union.example.org', brandColor: '#0b5394' });
    expect(setup.mail).toEqual({ from: 'Unionhall <news@union.example.org>', dkim: { domain: 'union.example.org', selector: 'uh2026' } });
  });
});

describe('event reminders', () => {
  it('reminds those who RSVPed with an email, the day before, once, in their language', async () => {
    const hour = 3600_000;
    const now = t.clock.now.getTime();
    const [soon] = await t.database.db
      .insert(events)
      .values({ campaignId: fixture.campaign.id, slug: 'town-hall', kind: 'meeting', title: 'Town hall', location: 'Library', startsAt: new Date(now + 20 * hour), endsAt: new Date(now + 22 * hour) })
      .returning();
    const [later] = await t.database.db
      .insert(events)
      .values({ campaignId: fixture.campaign.id, slug: 'rally-later', kind: 'rally', title: 'Rally later', startsAt: new Date(now + 72 * hour), endsAt: new Date(now + 74 * hour) })
      .returning();
    await t.services.repositories.events.upsertRsvp({ eventId: soon!.id, name: 'Rosa', email: 'rosa@example.org', phone: null, lang: 'es' });
    await t.services.repositories.events.upsertRsvp({ eventId: soon!.id, name: 'Sam', email: 'sam@example.org', phone: null, lang: 'en' });
    await t.database.db.insert(eventRsvps).values({ eventId: soon!.id, name: 'Walk-in', email: 'walkin@example.org', walkIn: true });
    await t.services.repositories.events.upsertRsvp({ eventId: later!.id, name: 'Later', email: 'later@example.org', phone: null, lang: 'en' });

    const sweep = () => t.services.execute(sendDueEventReminders, systemRequester('system'), { publicUrl: t.config.publicUrl });
    expect(await sweep()).toBe(2);
    expect(await sweep()).toBe(0);
    const [es] = await receivedWithSubject('Recordatorio: Town hall', 1);
    const [en] = await receivedWithSubject('Reminder: Town hall', 1);
    expect(es?.to && !Array.isArray(es.to) ? es.to.text : '').toBe('rosa@example.org');
    expect(headerText(es!, 'content-language')).toBe('es');
    expect(headerText(es!, 'auto-submitted')).toBe('auto-generated');
    expect(es?.text).toContain('Hola, Rosa');
    expect(en?.text).toContain(`${t.config.publicUrl}/events/town-hall/calendar.ics`);
    expect(headerText(en!, 'from')).toContain('Meridian Educators United');
    expect(sink.received.some((m) => m.to.includes('walkin@example.org') || m.to.includes('later@example.org'))).toBe(false);
  });
});
