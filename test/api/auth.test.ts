import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, sessions } from '../../src/db/schema/index.js';
import { createAccount, TEST_PASSWORD } from '../support/factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const actions = async (accountId: string) =>
  (await t.database.db.select().from(auditEvents).where(eq(auditEvents.actorAccountId, accountId))).map((e) => e.action);

describe('sign-in', () => {
  it('signs in with the right password, sets an HttpOnly session cookie and audits it', async () => {
    const account = await createAccount(t.database.db);
    const agent = t.agent();
    const res = await agent.post('/api/auth/login', { email: account.email.toUpperCase(), password: TEST_PASSWORD });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ account: { email: account.email } });
    expect(res.body).not.toContain('passwordHash');
    const cookie = res.cookies.find((c) => c.name === 'uh_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect((await agent.get('/api/auth/me')).statusCode).toBe(200);
    expect(await actions(account.id)).toContain('auth.login');
  });

  it('answers a wrong password and an unknown email identically', async () => {
    const account = await createAccount(t.database.db);
    const wrong = await t.agent().post('/api/auth/login', { email: account.email, password: 'not the password' });
    const unknown = await t.agent().post('/api/auth/login', { email: 'nobody-here@example.org', password: 'not the password' });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    expect(await actions(account.id)).toContain('auth.login_failed');
  });

  it('locks the account after repeated failures, even against the right password, without saying so', async () => {
    const account = await createAccount(t.database.db);
    for (let i = 0; i < 5; i++) expect((await t.agent().post('/api/auth/login', { email: account.email, password: `guess ${i}` })).statusCode).toBe(401);
    const right = await t.agent().post('/api/auth/login', { email: account.email, password: TEST_PASSWORD });
    expect(right.statusCode).toBe(401);
    t.clock.advanceMinutes(2);
    expect((await t.agent().post('/api/auth/login', { email: account.email, password: TEST_PASSWORD })).statusCode).toBe(200);
  });

  it('rejects bad input with the field and reason', async () => {
    const res = await t.agent().post('/api/auth/login', { email: 'not-an-email', password: '' });
    expect(res.statusCode).toBe(400);
    const body = res.json() as { error: { code: string; fields: { field: string; reason: string }[] } };
    expect(body.error.code).toBe('validation_failed');
    expect(body.error.fields.map((f) => f.field).sort()).toEqual(['body.email', 'body.password']);
  });

  it('answers malformed JSON with a clear error', async () => {
    const agent = t.agent();
    await agent.fetchCsrf();
    const res = await agent.request({ method: 'POST', url: '/api/auth/login', payload: '{"email":', headers: { 'content-type': 'application/json' } });
    expect(res.statusCode).toBe(400);
    expect((res.json() as { error: { code: string } }).error.code).toBe('invalid_json');
  });
});

describe('CSRF', () => {
  it('refuses a cookie-authenticated write without the token, and changes nothing', async () => {
    const account = await createAccount(t.database.db);
    const agent = t.agent();
    await agent.login(account.email, TEST_PASSWORD);
    const before = await t.database.db.select().from(sessions).where(eq(sessions.accountId, account.id));
    const res = await agent.request({ method: 'POST', url: '/api/auth/logout-all', withCsrf: false });
    expect(res.statusCode).toBe(403);
    expect((res.json() as { error: { code: string } }).error.code).toBe('csrf_invalid');
    const after = await t.database.db.select().from(sessions).where(eq(sessions.accountId, account.id));
    expect(after).toHaveLength(before.length);
  });

  it('refuses a token taken from another browser', async () => {
    const account = await createAccount(t.database.db);
    const victim = t.agent();
    await victim.login(account.email, TEST_PASSWORD);
    const attackerToken = await t.agent().fetchCsrf();
    const res = await victim.request({ method: 'POST', url: '/api/auth/logout-all', withCsrf: false, headers: { 'x-csrf-token': attackerToken } });
    expect(res.statusCode).toBe(403);
  });
});

describe('sessions', () => {
  it('expire after the idle limit', async () => {
    const account = await createAccount(t.database.db);
    const agent = t.agent();
    await agent.login(account.email, TEST_PASSWORD);
    t.clock.advanceMinutes(t.config.sessionIdleMinutes - 5);
    expect((await agent.get('/api/auth/me')).statusCode).toBe(200);
    t.clock.advanceMinutes(t.config.sessionIdleMinutes + 1);
    const res = await agent.get('/api/auth/me');
    expect(res.statusCode).toBe(401);
    expect(await t.database.db.select().from(sessions).where(eq(sessions.accountId, account.id))).toHaveLength(0);
  });

  it('expire at the absolute limit even when active', async () => {
    const account = await createAccount(t.database.db);
    const agent = t.agent();
    await agent.login(account.email, TEST_PASSWORD);
    const steps = Math.ceil((t.config.sessionAbsoluteHours * 60) / 60);
    for (let i = 0; i < steps - 1; i++) {
      t.clock.advanceMinutes(60);
      expect((await agent.get('/api/auth/me')).statusCode).toBe(200);
    }
    t.clock.advanceMinutes(61);
    expect((await agent.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('logout everywhere ends every session of the account', async () => {
    const account = await createAccount(t.database.db);
    const laptop = t.agent();
    const phone = t.agent();
    await laptop.login(account.email, TEST_PASSWORD);
    await phone.login(account.email, TEST_PASSWORD);
    const res = await laptop.post('/api/auth/logout-all');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ sessionsEnded: 2 });
    expect((await phone.get('/api/auth/me')).statusCode).toBe(401);
  });
});

describe('password reset', () => {
  it('mails a one-time link for a real account and answers the same for an unknown one', async () => {
    const account = await createAccount(t.database.db);
    const known = await t.agent().post('/api/auth/password-reset', { email: account.email });
    const unknown = await t.agent().post('/api/auth/password-reset', { email: 'ghost@example.org' });
    expect(known.statusCode).toBe(202);
    expect(unknown.statusCode).toBe(202);
    expect(known.json()).toEqual(unknown.json());

    const messages = await t.services.repositories.mail.list(50, 'all');
    const mail = messages.find((m) => m.toAddress === account.email && m.kind === 'password_reset');
    expect(mail).toBeDefined();
    expect(messages.some((m) => m.toAddress === 'ghost@example.org')).toBe(false);
    const token = /token=([\w-]+)/.exec(mail!.textBody)?.[1];
    expect(token).toBeDefined();

    const agent = t.agent();
    const tooShort = await agent.post('/api/auth/password', { token, password: 'short' });
    expect(tooShort.statusCode).toBe(400);
    const set = await agent.post('/api/auth/password', { token, password: 'a brand new long password' });
    expect(set.statusCode).toBe(200);
    expect((await agent.get('/api/auth/me')).statusCode).toBe(200);
    const again = await t.agent().post('/api/auth/password', { token, password: 'another long password!' });
    expect(again.statusCode).toBe(410);
    expect((await t.agent().post('/api/auth/login', { email: account.email, password: 'a brand new long password' })).statusCode).toBe(200);
  });
});

describe('rate limits', () => {
  it('slows down a flood of sign-in attempts from one address', async () => {
    const limited = await createTestApp({ config: { loginRateLimitPerMinute: 3 } });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 5; i++) codes.push((await limited.agent().post('/api/auth/login', { email: 'x@example.org', password: 'whatever' })).statusCode);
      expect(codes).toEqual([401, 401, 401, 429, 429]);
    } finally {
      await limited.close();
    }
  });
});
