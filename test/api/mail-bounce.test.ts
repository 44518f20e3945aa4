import { simpleParser } from 'mailparser';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, mailSuppressions } from '../../src/db/schema/index.js';
import { recordBounceFromStdin } from '../../src/cli/record-bounce-from-stdin.js';
import { createCampaign, createMember, TEST_PASSWORD, type CampaignFixture } from '../support/factories.js';
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
  fixture = await createCampaign(t.database.db, { isDefault: true });
  const account = await createMember(t.database.db, fixture, 'admin');
  admin = t.agent();
  await admin.login(account.email, TEST_PASSWORD);
  api = `/api/campaigns/${fixture.campaign.slug}`;
  const { subscribers } = t.services.repositories;
  for (const email of ['ana@example.org', 'moved@example.org']) {
    const row = await subscribers.request(fixture.campaign.id, email, 'en');
    await subscribers.confirm(row!.id, t.clock.now);
  }
});
afterAll(async () => {
  await t.close();
  await sink.close();
});

/** A bounce as Postfix mails it back (RFC 3464): a human part, the status part, the returned headers. */
function postfixBounce(to: string, messageId: string, status: string, action = 'failed'): string {
  return [
    'Return-Path: <>',
    'From: MAILER-DAEMON@mx.home.example (Mail Delivery System)',
    'To: news@union.example.org',
    'Subject: Undelivered Mail Returned to Sender',
    'Auto-Submitted: auto-replied',
    'MIME-Version: 1.0',
    'Content-Type: multipart/report; report-type=delivery-status;',
    '\tboundary="8F3A11C2.1733241600/mx.home.example"',
    '',
    '--8F3A11C2.1733241600/mx.home.example',
    'Content-Description: Notification',
    'Content-Type: text/plain; charset=us-ascii',
    '',
    'This is the mail system at host mx.home.example.',
    '',
    "I'm sorry to have to inform you that your message could not",
    'be delivered to one or more recipients.',
    '',
    '--8F3A11C2.1733241600/mx.home.example',
    'Content-Description: Delivery report',
    'Content-Type: message/delivery-status',
    '',
    'Reporting-MTA: dns; mx.home.example',
    'X-Postfix-Queue-ID: 8F3A11C2',
    'Arrival-Date: Thu,  3 Dec 2026 09:00:00 -0800 (PST)',
    '',
    `Final-Recipient: rfc822; ${to}`,
    `Original-Recipient: rfc822;${to}`,
    `Action: ${action}`,
    `Status: ${status}`,
    'Remote-MTA: dns; store.home.example',
    `Diagnostic-Code: smtp; 550 ${status} <${to}>: Recipient address rejected:`,
    '    User unknown in virtual mailbox table',
    '',
    '--8F3A11C2.1733241600/mx.home.example',
    'Content-Description: Undelivered Message Headers',
    'Content-Type: text/rfc822-headers',
    '',
    'From: Unionhall <news@union.example.org>',
    `To: ${to}`,
    'Subject: Bounce test',
    `Message-ID: ${messageId}`,
    '',
    '--8F3A11C2.1733241600/mx.home.example--',
    '',
  ].join('\r\n');
}

describe('bounces that arrive later (unionhall mail bounce)', () => {
  it('reads a real delivery status notification, marks the message bounced and suppresses the address, visibly', async () => {
    const created = await admin.post(`${api}/newsletters`, { title: 'Bounce test', bodyMarkdown: 'Hello.', status: 'published', lang: 'en' });
    const id = (created.json() as { newsletter: { id: string } }).newsletter.id;
    expect((await admin.post(`${api}/newsletters/${id}/send`)).json()).toMatchObject({ sent: 2 });
    await t.services.mailer.idle();
    // The server accepted both messages; the one to moved@ bounces later, naming its Message-ID.
    const parsed = await Promise.all(sink.received.map((m) => simpleParser(m.raw)));
    const moved = parsed.find((m) => m.subject === 'Bounce test' && m.to && !Array.isArray(m.to) && m.to.text === 'moved@example.org');
    expect(moved?.messageId).toBeTruthy();

    const lines: string[] = [];
    const temporary = await recordBounceFromStdin(t.services, Buffer.from(postfixBounce('moved@example.org', moved!.messageId!, '4.2.2', 'delayed')), (l) => lines.push(l));
    expect(temporary).toBe(0);
    expect(await t.services.repositories.mail.isSuppressed(fixture.campaign.id, 'moved@example.org')).toBe(false);

    const code = await recordBounceFromStdin(t.services, Buffer.from(postfixBounce('moved@example.org', moved!.messageId!, '5.1.1')), (l) => lines.push(l));
    expect(code).toBe(0);
    expect(lines.at(-1)).toContain('1 address(es) suppressed');
    const [suppression] = await t.database.db.select().from(mailSuppressions).where(and(eq(mailSuppressions.campaignId, fixture.campaign.id), eq(mailSuppressions.address, 'moved@example.org')));
    expect(suppression?.reason).toContain('Bounced after delivery: 5.1.1');
    expect(suppression?.reason).toContain('User unknown in virtual mailbox table');

    const delivery = (await admin.get(`${api}/newsletters/${id}/delivery`)).json() as { messages: Record<string, number>; suppressed: number };
    expect(delivery.messages).toMatchObject({ total: 2, sent: 2, bounced: 1 });
    expect(delivery.suppressed).toBe(1);
    const audit = await t.database.db.select().from(auditEvents).where(eq(auditEvents.action, 'mail.bounce_recorded'));
    expect(audit.map((a) => a.details)).toContainEqual({ statuses: ['5.1.1'], suppressed: 1 });

    const next = await admin.post(`${api}/newsletters`, { title: 'After the bounce', bodyMarkdown: 'Hello again.', status: 'published', lang: 'en' });
    const nextId = (next.json() as { newsletter: { id: string } }).newsletter.id;
    expect((await admin.post(`${api}/newsletters/${nextId}/send`)).json()).toMatchObject({ sent: 1, suppressed: 1 });
  });

  it('ignores a report about a message it did not send or an address that message was not for, and refuses what is not a report', async () => {
    const lines: string[] = [];
    expect(await recordBounceFromStdin(t.services, Buffer.from(postfixBounce('ana@example.org', '<forged@elsewhere.example>', '5.1.1')), (l) => lines.push(l))).toBe(0);
    expect(lines.at(-1)).toContain('nothing recorded');
    const [anaMail] = (await Promise.all(sink.received.map((m) => simpleParser(m.raw)))).filter((m) => m.to && !Array.isArray(m.to) && m.to.text === 'ana@example.org');
    expect(await recordBounceFromStdin(t.services, Buffer.from(postfixBounce('someone-else@example.org', anaMail!.messageId!, '5.1.1')), (l) => lines.push(l))).toBe(0);
    expect(await t.services.repositories.mail.isSuppressed(fixture.campaign.id, 'ana@example.org')).toBe(false);
    expect(await t.services.repositories.mail.isSuppressed(fixture.campaign.id, 'someone-else@example.org')).toBe(false);
    const vacation = 'From: ana@example.org\r\nTo: news@union.example.org\r\nSubject: Out of office\r\n\r\nBack Monday.\r\n';
    expect(await recordBounceFromStdin(t.services, Buffer.from(vacation), (l) => lines.push(l))).toBe(2);
  });
});
