import net from 'node:net';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, mailMessages } from '../../src/db/schema/index.js';
import { createAccount, createCampaign, createMember, TEST_PASSWORD } from '../support/factories.js';
import { startSmtpSink } from '../support/smtp-sink.js';
import { openMail } from '../support/opened-rows.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

type Outbox = { messages: { id: string; kind: string; to: string; subject: string; text: string; transport: string; sentAt: string | null; error: string | null }[] };

const tokenIn = (text: string, publicUrl: string, purpose: 'reset' | 'welcome'): string => {
  const match = new RegExp(`${publicUrl.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}/app/${purpose}\\?token=([\\w-]+)`).exec(text);
  if (!match?.[1]) throw new Error(`no ${purpose} link in:\n${text}`);
  return match[1];
};

const rowsTo = async (t: TestApp, email: string) => (await openMail(t.services, await t.database.db.select().from(mailMessages))).filter((m) => m.toAddress === email);

describe('delivery through a real SMTP server', () => {
  let sink: Awaited<ReturnType<typeof startSmtpSink>>;
  let t: TestApp;
  beforeAll(async () => {
    sink = await startSmtpSink();
    t = await createTestApp({ config: { smtpUrl: sink.url, mailFrom: 'Unionhall <no-reply@union.example.org>' } });
  });
  afterAll(async () => {
    await t.close();
    await sink.close();
  });

  it('sends a password reset whose link sets a new password', async () => {
    const account = await createAccount(t.database.db);
    const arriving = sink.next();
    expect((await t.agent().post('/api/auth/password-reset', { email: account.email })).statusCode).toBe(202);
    const mail = await arriving;

    expect(mail.to).toEqual([account.email]);
    expect(mail.from).toBe('no-reply@union.example.org');
    expect(mail.headers.get('to')).toBe(account.email);
    expect(mail.headers.get('subject')).toBe('Reset your Unionhall password');
    expect(mail.body).toContain('within 60 minutes');

    const token = tokenIn(mail.body, t.config.publicUrl, 'reset');
    const agent = t.agent();
    const set = await agent.post('/api/auth/password', { token, password: 'a fresh and long password' });
    expect(set.statusCode).toBe(200);
    expect((await agent.get('/api/auth/me')).json()).toMatchObject({ account: { email: account.email } });
    expect((await t.agent().post('/api/auth/login', { email: account.email, password: 'a fresh and long password' })).statusCode).toBe(200);
    expect((await t.agent().post('/api/auth/login', { email: account.email, password: TEST_PASSWORD })).statusCode).toBe(401);

    // The transmission log: sent, when, and the id the server saw.
    await t.services.mailer.idle();
    const [row] = await rowsTo(t, account.email);
    expect(row).toMatchObject({ transport: 'smtp', kind: 'password_reset', error: null });
    expect(row!.sentAt).toBeInstanceOf(Date);
    expect(mail.headers.get('message-id')).toBe(row!.messageId);
  });

  it('sends nothing for an email without an account', async () => {
    const before = sink.received.length;
    expect((await t.agent().post('/api/auth/password-reset', { email: 'ghost@example.org' })).statusCode).toBe(202);
    expect(sink.received.length).toBe(before);
    expect(await rowsTo(t, 'ghost@example.org')).toHaveLength(0);
  });
});

describe('an SMTP server that refuses', () => {
  it('leaves the message recorded with the reason, and answers the person the same way', async () => {
    const sink = await startSmtpSink({
      onRcptTo(_address, _session, callback) {
        callback(Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 }));
      },
    });
    const t = await createTestApp({ config: { smtpUrl: sink.url } });
    try {
      const account = await createAccount(t.database.db);
      const res = await t.agent().post('/api/auth/password-reset', { email: account.email });
      expect(res.statusCode).toBe(202);
      // Delivered after the commit, in the background: wait for that attempt, then read its outcome.
      await t.services.mailer.idle();
      const [row] = await rowsTo(t, account.email);
      expect(row).toMatchObject({ transport: 'smtp', kind: 'password_reset', sentAt: null });
      expect(row!.error).toMatch(/550/);
      expect(row!.error).toMatch(/Mailbox unavailable/);
      expect(sink.received).toHaveLength(0);
    } finally {
      await t.close();
      await sink.close();
    }
  });

  it('records a server that is not there at all', async () => {
    const probe = net.createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as net.AddressInfo;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const t = await createTestApp({ config: { smtpUrl: `smtp://127.0.0.1:${port}` } });
    try {
      const account = await createAccount(t.database.db);
      expect((await t.agent().post('/api/auth/password-reset', { email: account.email })).statusCode).toBe(202);
      await t.services.mailer.idle();
      const [row] = await rowsTo(t, account.email);
      expect(row).toMatchObject({ transport: 'smtp', sentAt: null });
      expect(row!.error).toMatch(/ECONNREFUSED/);
    } finally {
      await t.close();
    }
  });
});

describe('an SMTP server that says nothing', () => {
  // Accepts connections, then stays silent: a stalled or paused mail server.
  const silent = net.createServer(() => undefined);
  let t: TestApp;
  beforeAll(async () => {
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    t = await createTestApp({ config: { smtpUrl: `smtp://127.0.0.1:${(silent.address() as net.AddressInfo).port}` } });
  });
  afterAll(async () => {
    t.services.mailer.close();
    await t.close();
    silent.close();
  });

  it('does not hold up a reset request or a new account: their messages are committed, due to send', async () => {
    // Were a request waiting on SMTP, it would hang for nodemailer's greeting timeout (30 s),
    // beyond this test's own limit.
    const account = await createAccount(t.database.db);
    expect((await t.agent().post('/api/auth/password-reset', { email: account.email })).statusCode).toBe(202);
    const [reset] = await rowsTo(t, account.email);
    expect(reset).toMatchObject({ kind: 'password_reset', transport: 'smtp', sentAt: null });

    const admin = await createAccount(t.database.db, { instanceAdmin: true });
    const agent = t.agent();
    await agent.login(admin.email, TEST_PASSWORD);
    expect((await agent.post('/api/admin/users', { email: 'paused-smtp@example.org', name: 'Pat Paused' })).statusCode).toBe(201);
    const [welcome] = await rowsTo(t, 'paused-smtp@example.org');
    expect(welcome).toMatchObject({ kind: 'welcome', transport: 'smtp', sentAt: null });
  });
});

describe('without SMTP: the local outbox', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  it('keeps the message for instance admins to read, and its link works', async () => {
    expect(t.config.smtpUrl).toBeUndefined();
    const account = await createAccount(t.database.db);
    expect((await t.agent().post('/api/auth/password-reset', { email: account.email })).statusCode).toBe(202);
    const [row] = await rowsTo(t, account.email);
    expect(row).toMatchObject({ transport: 'outbox', sentAt: null, error: null });

    const admin = await createAccount(t.database.db, { instanceAdmin: true });
    const agent = t.agent();
    await agent.login(admin.email, TEST_PASSWORD);
    const res = await agent.get('/api/admin/outbox');
    expect(res.statusCode).toBe(200);
    const message = (res.json() as Outbox).messages.find((m) => m.to === account.email);
    expect(message).toMatchObject({ kind: 'password_reset', subject: 'Reset your Unionhall password', transport: 'outbox', sentAt: null });

    const token = tokenIn(message!.text, t.config.publicUrl, 'reset');
    expect((await t.agent().post('/api/auth/password', { token, password: 'outbox link password' })).statusCode).toBe(200);

    // Reading the outbox shows reset links: it is audited like any view of sensitive data.
    const audited = await t.database.db.select().from(auditEvents).where(eq(auditEvents.actorAccountId, admin.id));
    expect(audited.map((e) => e.action)).toContain('outbox.viewed');
  });

  it('holds welcome messages for new accounts too', async () => {
    const admin = await createAccount(t.database.db, { instanceAdmin: true });
    const agent = t.agent();
    await agent.login(admin.email, TEST_PASSWORD);
    expect((await agent.post('/api/admin/users', { email: 'newcomer@example.org', name: 'New Comer' })).statusCode).toBe(201);
    const message = ((await agent.get('/api/admin/outbox')).json() as Outbox).messages.find((m) => m.to === 'newcomer@example.org');
    expect(message?.kind).toBe('welcome');
    const token = tokenIn(message!.text, t.config.publicUrl, 'welcome');
    const newcomer = t.agent();
    expect((await newcomer.post('/api/auth/password', { token, password: 'my very own password' })).statusCode).toBe(200);
    expect((await newcomer.get('/api/auth/me')).json()).toMatchObject({ account: { email: 'newcomer@example.org', hasPassword: true } });
  });

  it('is closed to everyone else, campaign admins included', async () => {
    const fixture = await createCampaign(t.database.db);
    const campaignAdmin = await createMember(t.database.db, fixture, 'admin');
    const agent = t.agent();
    await agent.login(campaignAdmin.email, TEST_PASSWORD);
    const refused = await agent.get('/api/admin/outbox');
    expect(refused.statusCode).toBe(403);
    expect(refused.body).not.toContain('token=');
    expect((await t.agent().get('/api/admin/outbox')).statusCode).toBe(401);
  });
});
