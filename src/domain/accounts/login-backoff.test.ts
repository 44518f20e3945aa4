import { describe, expect, it } from 'vitest';
import { afterFailure, blockedUntilAfter, FORGET_AFTER_MS, isBlocked, THROTTLE_RULES, throttleKeysFor, type ThrottleScope, type ThrottleState } from './login-backoff.js';

const now = new Date('2026-01-01T00:00:00Z');
const at = (ms: number): Date => new Date(now.getTime() + ms);

function failTimes(scope: ThrottleScope, times: number, when: Date = now): ThrottleState | undefined {
  let state: ThrottleState | undefined;
  for (let i = 0; i < times; i++) state = afterFailure(scope, state, when);
  return state;
}
const secondsBlocked = (state: ThrottleState | undefined): number => (state?.blockedUntil ? (state.blockedUntil.getTime() - now.getTime()) / 1000 : 0);

describe('login back-off', () => {
  it('lets the first mistakes pass without a wait', () => {
    expect(isBlocked(failTimes('pair', THROTTLE_RULES.pair.free - 1), now)).toBe(false);
    expect(isBlocked(failTimes('ip', THROTTLE_RULES.ip.free - 1), now)).toBe(false);
  });

  it('doubles the wait of an email from one network after each further failure, up to an hour', () => {
    const free = THROTTLE_RULES.pair.free;
    let state: ThrottleState | undefined;
    const waits: number[] = [];
    for (let i = 0; i < free + 2; i++) {
      // Each failure arrives once the previous wait is over.
      state = afterFailure('pair', state, now);
      waits.push(secondsBlocked(state));
      if (state.blockedUntil) state = { ...state, blockedUntil: now };
    }
    expect(waits.slice(free - 1)).toEqual([30, 60, 120]);
    expect(secondsBlocked(failTimes('pair', 100))).toBe(3600);
  });

  it('never keeps an account waiting more than half a minute, however many failures from anywhere', () => {
    let state: ThrottleState | undefined;
    for (let i = 0; i < 1000; i++) state = afterFailure('account', state, at(i * 1000));
    expect(state?.blockedUntil).not.toBeNull();
    const wait = (state?.blockedUntil?.getTime() ?? 0) - (state?.lastFailureAt.getTime() ?? 0);
    expect(wait).toBeLessThanOrEqual(30_000);
  });

  it('does not stretch an account\'s wait with failures during it', () => {
    const blocked = failTimes('account', THROTTLE_RULES.account.free);
    const until = blocked?.blockedUntil;
    const again = afterFailure('account', blocked, at(500));
    expect(again.blockedUntil).toEqual(until);
    expect(again.failures).toBe(blocked?.failures);
  });

  it('forgets failures after a quiet day', () => {
    const blocked = failTimes('pair', 20);
    const later = afterFailure('pair', blocked, at(FORGET_AFTER_MS + 1));
    expect(later.failures).toBe(1);
    expect(later.blockedUntil).toBeNull();
  });

  it('keys an attempt by pseudonyms that name neither the email nor the IP', () => {
    const keys = throttleKeysFor('secret-secret-secret-secret-secret', 'Ana@Example.org', '203.0.113.9');
    expect(keys).toEqual(throttleKeysFor('secret-secret-secret-secret-secret', ' ana@example.org', '203.0.113.9'));
    expect(JSON.stringify(keys)).not.toMatch(/ana|example|203/i);
    expect(new Set(Object.values(keys)).size).toBe(3);
    expect(throttleKeysFor('another-secret-another-secret-123', 'ana@example.org', '203.0.113.9').account).not.toBe(keys.account);
  });

  it('a second factor: four wrong codes cost nothing, the fifth waits 30 s, then each doubles, up to an hour', () => {
    const rule = THROTTLE_RULES.second_factor;
    const waitAfter = (failures: number): number | null => {
      const until = blockedUntilAfter(rule, failures, now);
      return until === null ? null : (until.getTime() - now.getTime()) / 1000;
    };
    expect([1, 2, 3, 4].map(waitAfter)).toEqual([null, null, null, null]);
    expect([5, 6, 7].map(waitAfter)).toEqual([30, 60, 120]);
    expect(waitAfter(40)).toBe(3600);
    expect(isBlocked({ blockedUntil: blockedUntilAfter(rule, 5, now) }, at(29_000))).toBe(true);
    expect(isBlocked({ blockedUntil: blockedUntilAfter(rule, 5, now) }, at(30_000))).toBe(false);
  });
});
