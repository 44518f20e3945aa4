import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accounts, auditEvents } from '../../src/db/schema/index.js';
import { createAccount, TEST_PASSWORD } from '../support/factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// Decision 0027: the sign-in, reset and one-time-link answers are the same, in words and in time,
// whether the account exists, is backing off or is disabled; guessing is slowed per network and
// per account, but no one can keep an account's owner out.

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

let nextIp = 1;
/** A fresh address for each attempt, unless one is given: the back-off per network stays out of the way. */
const ip = (): string => `10.1.${Math.floor(nextIp / 250)}.${(nextIp++ % 250) + 1}`;

async function post(url: string, payload: unknown, remoteAddress: string = ip()) {
  const agent = t.agent();
  await agent.fetchCsrf();
  const started = performance.now();
  const response = await agent.request({ method: 'POST', url, payload: payload as Record<string, unknown>, remoteAddress });
  return { response, ms: performance.now() - started };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/**
 * Samples every case in turn (round robin, so a busy moment of the machine falls on all of them)
 * and checks that every median is within 10% of every other.
 */
async function sampleCases(cases: Record<string, () => Promise<{ response: { statusCode: number; body: string }; ms: number }>>, rounds: number) {
  const times: Record<string, number[]> = {};
  const answers: Record<string, Set<string>> = {};
  for (const name of Object.keys(cases)) {
    // One warm-up each (first connection, first hash): not counted.
    await cases[name]!();
    times[name] = [];
    answers[name] = new Set();
  }
  for (let i = 0; i < rounds; i++) {
    for (const [name, run] of Object.entries(cases)) {
      const { response, ms } = await run();
      times[name]!.push(ms);
      answers[name]!.add(`${response.statusCode} ${response.body}`);
    }
  }
  const medians = Object.fromEntries(Object.entries(times).map(([name, values]) => [name, median(values)]));
  const values = Object.values(medians);
  const spread = Math.max(...values) / Math.min(...values) - 1;
  return { medians, spread, answers };
}

const disable = async (id: string) => t.database.db.update(accounts).set({ disabledAt: new Date() }).where(eq(accounts.id, id));

describe('sign-in tells no one who has an account', () => {
  it('answers an unknown email, a wrong password, an account backing off and a disabled account alike, in words and in time', async () => {
    const real = await createAccount(t.database.db);
    const waiting = await createAccount(t.database.db);
    const disabled = await createAccount(t.database.db);
    await disable(disabled.id);
    // The account scope waits after five failures (from anywhere); the test clock stands still, so it keeps waiting.
    for (let i = 0; i < 5; i++) await post('/api/auth/login', { email: waiting.email, password: `guess ${i}` });

    const { medians, spread, answers } = await sampleCases(
      {
        unknown: () => post('/api/auth/login', { email: `nobody-${nextIp}@example.org`, password: 'a wrong password' }),
        wrongPassword: () => post('/api/auth/login', { email: real.email, password: 'a wrong password' }),
        backingOff: () => post('/api/auth/login', { email: waiting.email, password: TEST_PASSWORD }),
        disabled: () => post('/api/auth/login', { email: disabled.email, password: TEST_PASSWORD }),
      },
      15,
    );
    const all = new Set(Object.values(answers).flatMap((set) => [...set]));
    expect(all.size).toBe(1);
    expect([...all][0]).toMatch(/^401 /);
    expect(spread, JSON.stringify(medians)).toBeLessThan(0.1);
    // The right password of a waiting account was refused without saying why; the audit log knows.
    const reasons = (await t.database.db.select().from(auditEvents).where(eq(auditEvents.actorAccountId, waiting.id))).map((e) => (e.details as { reason?: string }).reason);
    expect(reasons).toContain('backing_off');
  }, 120_000);
});

describe('password reset and one-time links tell no one who has an account', () => {
  it('answers a reset request for an unknown email, a real account and a disabled account alike, and mails only the real one', async () => {
    const real = await createAccount(t.database.db);
    const disabled = await createAccount(t.database.db);
    await disable(disabled.id);
    const { medians, spread, answers } = await sampleCases(
      {
        unknown: () => post('/api/auth/password-reset', { email: `ghost-${nextIp}@example.org` }),
        real: () => post('/api/auth/password-reset', { email: real.email }),
        disabled: () => post('/api/auth/password-reset', { email: disabled.email }),
      },
      15,
    );
    expect(new Set(Object.values(answers).flatMap((set) => [...set])).size).toBe(1);
    expect(spread, JSON.stringify(medians)).toBeLessThan(0.1);
    const mail = await t.services.repositories.mail.list(500, 'all');
    expect(mail.filter((m) => m.toAddress === real.email).length).toBeGreaterThan(0);
    expect(mail.some((m) => m.toAddress === disabled.email || m.toAddress.startsWith('ghost-'))).toBe(false);
  }, 120_000);

  it('answers a link that never existed and a link of a disabled account alike, in words and in time', async () => {
    const disabled = await createAccount(t.database.db);
    const tokens: string[] = [];
    // Each new link ends the older ones, so every sample needs its own account.
    const accountsWithLinks = [];
    for (let i = 0; i < 17; i++) {
      const account = await createAccount(t.database.db);
      await post('/api/auth/password-reset', { email: account.email });
      accountsWithLinks.push(account);
    }
    const mail = await t.services.repositories.mail.list(500, 'all');
    for (const account of accountsWithLinks) {
      const token = /token=([\w-]+)/.exec(mail.find((m) => m.toAddress === account.email)?.textBody ?? '')?.[1];
      if (!token) throw new Error('no reset link');
      tokens.push(token);
      await disable(account.id);
    }
    await disable(disabled.id);
    const { medians, spread, answers } = await sampleCases(
      {
        neverExisted: () => post('/api/auth/password', { token: `no-such-link-${nextIp}-aaaaaaaaaaaaaaaaaaaa`, password: 'a long enough password' }),
        disabledAccount: () => post('/api/auth/password', { token: tokens.pop() ?? '', password: 'a long enough password' }),
      },
      15,
    );
    const all = new Set(Object.values(answers).flatMap((set) => [...set]));
    expect(all.size).toBe(1);
    expect([...all][0]).toMatch(/^410 /);
    expect(spread, JSON.stringify(medians)).toBeLessThan(0.1);
  }, 120_000);
});

describe('guessing is slowed, the owner is never locked out', () => {
  it('lets the right password in from another network after at most half a minute, however many guesses came before', async () => {
    const account = await createAccount(t.database.db);
    const attacker = '198.51.100.7';
    for (let i = 0; i < 12; i++) {
      // A few networks, as a guesser would use.
      await post('/api/auth/login', { email: account.email, password: `guess ${i}` }, i % 2 ? attacker : ip());
    }
    // Right after the guesses, the account waits (half a minute at most), for its owner too.
    expect((await post('/api/auth/login', { email: account.email, password: TEST_PASSWORD }, '203.0.113.21')).response.statusCode).toBe(401);
    t.clock.advanceMinutes(0.5);
    const owner = await post('/api/auth/login', { email: account.email, password: TEST_PASSWORD }, '203.0.113.20');
    expect(owner.response.statusCode).toBe(200);
    // The guesser's own network still waits, even with the right password.
    expect((await post('/api/auth/login', { email: account.email, password: TEST_PASSWORD }, attacker)).response.statusCode).toBe(401);
  }, 120_000);

  it('slows one network that tries many emails, and only that network', async () => {
    const account = await createAccount(t.database.db);
    const guesser = '198.51.100.99';
    for (let i = 0; i < 30; i++) await post('/api/auth/login', { email: `someone-${i}@example.org`, password: 'password1234' }, guesser);
    expect((await post('/api/auth/login', { email: account.email, password: TEST_PASSWORD }, guesser)).response.statusCode).toBe(401);
    expect((await post('/api/auth/login', { email: account.email, password: TEST_PASSWORD }, '203.0.113.30')).response.statusCode).toBe(200);
  }, 120_000);

  it('counts again from zero after a right password: a typo now and then never adds up', async () => {
    const account = await createAccount(t.database.db);
    const home = '203.0.113.40';
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 4; i++) await post('/api/auth/login', { email: account.email, password: 'typo typo typo' }, home);
      expect((await post('/api/auth/login', { email: account.email, password: TEST_PASSWORD }, home)).response.statusCode).toBe(200);
    }
  }, 120_000);
});

describe('one-time links', () => {
  async function resetLink(email: string): Promise<string> {
    await post('/api/auth/password-reset', { email });
    const mail = await t.services.repositories.mail.list(500, 'all');
    const latest = mail.filter((m) => m.toAddress === email && m.kind === 'password_reset').sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())[0];
    const token = /token=([\w-]+)/.exec(latest?.textBody ?? '')?.[1];
    if (!token) throw new Error('no reset link');
    return token;
  }

  it('a newer reset link ends the older one, and a used link ends every other', async () => {
    const account = await createAccount(t.database.db);
    const first = await resetLink(account.email);
    t.clock.advanceMinutes(1);
    const second = await resetLink(account.email);
    expect(second).not.toBe(first);
    expect((await post('/api/auth/password', { token: first, password: 'the first new password' })).response.statusCode).toBe(410);
    expect((await post('/api/auth/password', { token: second, password: 'the second new password' })).response.statusCode).toBe(200);
    expect((await post('/api/auth/password', { token: second, password: 'the third new password' })).response.statusCode).toBe(410);
  });

  it('a used reset link ends a welcome link still waiting in the inbox', async () => {
    const admin = await createAccount(t.database.db, { instanceAdmin: true });
    const agent = t.agent();
    await agent.login(admin.email, TEST_PASSWORD);
    const email = `newcomer-${nextIp}@example.org`;
    expect((await agent.post('/api/admin/users', { email, name: 'Newcomer' })).statusCode).toBe(201);
    const welcome = /token=([\w-]+)/.exec((await t.services.repositories.mail.list(500, 'all')).find((m) => m.toAddress === email && m.kind !== 'password_reset')?.textBody ?? '')?.[1];
    expect(welcome).toBeDefined();
    // The reset link ends the welcome link when it is issued; once used, nothing older works either.
    const reset = await resetLink(email);
    expect((await post('/api/auth/password', { token: reset, password: 'a newcomer password' })).response.statusCode).toBe(200);
    expect((await post('/api/auth/password', { token: welcome, password: 'an intruder password' })).response.statusCode).toBe(410);
  });
});
