import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { mailMessages } from '../../src/db/schema/index.js';
import { MAX_ATTEMPTS, newMailDelivery } from '../../src/mail/create-mailer.js';
import { startMailRetries } from '../../src/mail/start-mail-retries.js';
import { createCampaign } from '../support/factories.js';
import { createPetition } from '../support/petition-helpers.js';
import { startSmtpSink } from '../support/smtp-sink.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// The mail server answers as `mode` says: accept, refuse for now (451) or refuse for good (550).
let mode: 'accept' | 'temporary' | 'permanent' = 'accept';
let sink: Awaited<ReturnType<typeof startSmtpSink>>;
let t: TestApp;
let seq = 0;

beforeAll(async () => {
  sink = await startSmtpSink({
    onRcptTo(_address, _session, callback) {
      if (mode === 'accept') return callback();
      const err = Object.assign(new Error(mode === 'temporary' ? 'Mailbox busy, try later' : 'No such mailbox'), { responseCode: mode === 'temporary' ? 451 : 550 });
      return callback(err);
    },
  });
  t = await createTestApp({ config: { smtpUrl: sink.url } });
});
afterAll(async () => {
  t.services.mailer.close();
  await t.close();
  await sink.close();
});
afterEach(() => {
  mode = 'accept';
});

const rowOf = async (id: string) => {
  const [row] = await t.database.db.select().from(mailMessages).where(eq(mailMessages.id, id));
  if (!row) throw new Error(`no mail row ${id}`);
  return row;
};
const receivedBy = (address: string) => sink.received.filter((m) => m.to.includes(address));
const message = (over: { headers?: Record<string, string> } = {}) => ({ kind: 'password_reset', to: `retry${++seq}@mail.example`, subject: 'Hello', text: 'A message worth delivering.', ...over });

describe('mail retries', () => {
  it('sends a message a crash left unsent once its first attempt’s claim has lapsed, and only then', async () => {
    // What a crash between the commit and the SMTP send leaves behind: recorded, claimed, unsent.
    const to = `crashed${++seq}@mail.example`;
    const row = await t.services.repositories.mail.record({ kind: 'petition_confirmation', toAddress: to, subject: 'Confirm', textBody: 'Open the link.', ...newMailDelivery(true, t.clock.now) });

    expect(await t.services.mailer.retryDue()).toBe(0); // the first attempt may still be running
    t.clock.advanceMinutes(14);
    expect(await t.services.mailer.retryDue()).toBe(0);
    t.clock.advanceMinutes(2);
    expect(await t.services.mailer.retryDue()).toBe(1);

    expect(receivedBy(to)).toHaveLength(1);
    expect(receivedBy(to)[0]?.body).toContain('Open the link.');
    expect(await rowOf(row.id)).toMatchObject({ attempts: 2, error: null, nextAttemptAt: null });
    expect((await rowOf(row.id)).sentAt).toBeInstanceOf(Date);
    expect(await t.services.mailer.retryDue()).toBe(0);
  });

  it('tries a temporarily refused message again with growing waits, with its headers, until it is sent', async () => {
    mode = 'temporary';
    const mail = message({ headers: { 'List-Unsubscribe': '<https://example.org/unsubscribe/abc>' } });
    const { id, delivered } = await t.services.mailer.send(mail);
    expect(delivered).toBe(false);
    let row = await rowOf(id);
    expect(row.error).toContain('Mailbox busy');
    expect(row.attempts).toBe(1);
    expect(row.nextAttemptAt?.getTime()).toBe(t.clock.now.getTime() + 60_000);

    expect(await t.services.mailer.retryDue()).toBe(0);
    t.clock.advanceMinutes(1);
    expect(await t.services.mailer.retryDue()).toBe(1);
    row = await rowOf(id);
    expect(row.attempts).toBe(2);
    expect(row.nextAttemptAt?.getTime()).toBe(t.clock.now.getTime() + 5 * 60_000);

    mode = 'accept';
    t.clock.advanceMinutes(4);
    expect(await t.services.mailer.retryDue()).toBe(0);
    t.clock.advanceMinutes(1);
    expect(await t.services.mailer.retryDue()).toBe(1);
    row = await rowOf(id);
    expect(row).toMatchObject({ attempts: 3, error: null, nextAttemptAt: null });
    const [received] = receivedBy(mail.to);
    expect(received?.headers.get('list-unsubscribe')).toBe('<https://example.org/unsubscribe/abc>');
    expect(receivedBy(mail.to)).toHaveLength(1);
  });

  it('does not try a permanently refused message again', async () => {
    mode = 'permanent';
    const { id } = await t.services.mailer.send(message());
    const row = await rowOf(id);
    expect(row.error).toContain('No such mailbox');
    expect(row.nextAttemptAt).toBeNull();
    mode = 'accept';
    t.clock.advanceMinutes(24 * 60);
    expect(await t.services.mailer.retryDue()).toBe(0);
    expect((await rowOf(id)).sentAt).toBeNull();
  });

  it(`gives up after ${MAX_ATTEMPTS} attempts and keeps the last error`, async () => {
    mode = 'temporary';
    const mail = message();
    const { id } = await t.services.mailer.send(mail);
    for (let attempt = 2; attempt <= MAX_ATTEMPTS; attempt++) {
      t.clock.advanceMinutes(240);
      expect(await t.services.mailer.retryDue()).toBe(1);
      expect((await rowOf(id)).attempts).toBe(attempt);
    }
    const row = await rowOf(id);
    expect(row.nextAttemptAt).toBeNull();
    expect(row.error).toContain('Mailbox busy');
    t.clock.advanceMinutes(24 * 60);
    expect(await t.services.mailer.retryDue()).toBe(0);
    expect(receivedBy(mail.to)).toHaveLength(0);
  });

  it('never sends a message twice when two sweeps run at once', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 30; i++) {
      const row = await t.services.repositories.mail.record({ kind: 'welcome', toAddress: `both${++seq}@mail.example`, subject: 'Welcome', textBody: `Message ${i}`, ...newMailDelivery(true, t.clock.now) });
      ids.push(row.id);
    }
    t.clock.advanceMinutes(16);
    const before = sink.received.length;
    const [a, b] = await Promise.all([t.services.mailer.retryDue(30), t.services.mailer.retryDue(30)]);
    expect((a ?? 0) + (b ?? 0)).toBe(30);
    const arrived = sink.received.slice(before).map((m) => m.to[0]);
    expect(arrived).toHaveLength(30);
    expect(new Set(arrived).size).toBe(30);
    for (const id of ids) expect((await rowOf(id)).attempts).toBe(2);
  });

  it('claims a petition confirmation in the group commit, so a refused or crashed send is tried again', async () => {
    const { campaign } = await createCampaign(t.database.db);
    const petition = await createPetition(t.database.db, campaign.id);
    const email = `signer${++seq}@mail.example`;
    mode = 'temporary';
    const res = await t.agent().request({
      method: 'POST',
      url: `/api/v1/petitions/${petition.id}/signatures`,
      withCsrf: false,
      payload: { person: { given_name: 'Rosa', family_name: 'Delgado', email_addresses: [{ address: email }] } },
    });
    expect(res.statusCode).toBe(200);
    // The send follows the answer: wait for its outcome to be recorded.
    let row = (await t.database.db.select().from(mailMessages).where(eq(mailMessages.toAddress, email)))[0];
    for (let i = 0; i < 100 && !row?.error; i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      row = (await t.database.db.select().from(mailMessages).where(eq(mailMessages.toAddress, email)))[0];
    }
    expect(row).toMatchObject({ kind: 'petition_confirmation', transport: 'smtp', attempts: 1, sentAt: null });
    expect(row?.nextAttemptAt).toBeInstanceOf(Date);

    mode = 'accept';
    t.clock.advanceMinutes(1);
    expect(await t.services.mailer.retryDue()).toBe(1);
    const [received] = receivedBy(email);
    expect(received?.body).toMatch(/\/confirm\?token=[\w-]+/);
    const link = new URL(/(http:\/\/\S+\/confirm\?token=[\w-]+)/.exec(received?.body ?? '')?.[1] ?? 'http://x/');
    expect((await t.agent().get(link.pathname + link.search)).statusCode).toBeLessThan(400);
  });

  it('sends a bulk sweep’s messages once each and marks every one sent with the Message-ID it went out with', async () => {
    const sent: { id: string; to: string }[] = [];
    for (let i = 0; i < 45; i++) {
      const to = `bulk${++seq}@mail.example`;
      const row = await t.services.repositories.mail.record({ kind: 'newsletter', toAddress: to, subject: 'News', textBody: `Issue ${i}`, ...t.services.mailer.initialDelivery(t.clock.now) });
      sent.push({ id: row.id, to });
    }
    t.services.mailer.kick();
    await t.services.mailer.idle();
    for (const { id, to } of sent) {
      const row = await rowOf(id);
      expect(row).toMatchObject({ attempts: 1, error: null, nextAttemptAt: null });
      expect(row.sentAt?.getTime()).toBe(t.clock.now.getTime());
      const arrived = receivedBy(to);
      expect(arrived).toHaveLength(1);
      expect(row.messageId).toBeTruthy();
      expect(arrived[0]?.headers.get('message-id')).toBe(row.messageId);
    }
  });

  it('leaves the outbox alone when there is no mail server', async () => {
    const offline = await createTestApp();
    try {
      const { id } = await offline.services.mailer.send(message());
      offline.clock.advanceMinutes(24 * 60);
      expect(await offline.services.mailer.retryDue()).toBe(0);
      const [row] = await offline.database.db.select().from(mailMessages).where(eq(mailMessages.id, id));
      expect(row).toMatchObject({ transport: 'outbox', attempts: 0, nextAttemptAt: null, sentAt: null });
    } finally {
      await offline.close();
    }
  });

  it('sweeps on start and on every tick, and stops cleanly', async () => {
    mode = 'temporary';
    const { id } = await t.services.mailer.send(message());
    mode = 'accept';
    t.clock.advanceMinutes(1);
    const stop = startMailRetries(t.services.mailer, { everyMs: 20 });
    try {
      for (let i = 0; i < 100 && !(await rowOf(id)).sentAt; i++) await new Promise((resolve) => setTimeout(resolve, 20));
      expect((await rowOf(id)).sentAt).toBeInstanceOf(Date);
    } finally {
      await stop();
    }
  });
});
