import { createHmac } from 'node:crypto';

// Back-off after failed sign-ins, in three scopes (decision 0027), and after wrong second-factor
// codes. The first few mistakes cost nothing (people mistype); then each further failure doubles
// the wait, up to a ceiling.
//
// - `pair` (this email from this IP) and `ip` (any email from this IP) may wait up to an hour: a
//   guesser on one network is stopped, and no one else is.
// - `account` (this email from anywhere) never waits longer than half a minute, and failures while
//   it waits do not count: anyone who knows a staff email can slow that account down, but never
//   lock its owner out, who gets in from another network after a short wait at most.
//
// - `second_factor` (this account's second step, decision 0026) may wait up to an hour: only
//   someone who already passed the password step can make it wait, so it locks no stranger out.
//   It is counted per account in `second_factor_failures`, not in the sign-in's throttles.
//
// Keys are made from the email as typed, whether or not it has an account, so an unknown email
// backs off exactly like a real one and the answers tell no one who has an account.
export type ThrottleScope = 'account' | 'pair' | 'ip';

type Rule = { free: number; baseSeconds: number; maxSeconds: number };

export const THROTTLE_RULES: Record<ThrottleScope | 'second_factor', Rule> = {
  account: { free: 5, baseSeconds: 2, maxSeconds: 30 },
  pair: { free: 5, baseSeconds: 30, maxSeconds: 60 * 60 },
  // A staff room behind one address shares this one: it allows more before it waits.
  ip: { free: 30, baseSeconds: 30, maxSeconds: 60 * 60 },
  second_factor: { free: 5, baseSeconds: 30, maxSeconds: 60 * 60 },
};

/** Until when a rule makes its scope wait after its `failures`-th failure now; null while failures are free. */
export function blockedUntilAfter(rule: Rule, failures: number, now: Date): Date | null {
  if (failures < rule.free) return null;
  const seconds = Math.min(rule.maxSeconds, rule.baseSeconds * 2 ** (failures - rule.free));
  return new Date(now.getTime() + seconds * 1000);
}

/** A scope's count starts again after a day without failures. */
export const FORGET_AFTER_MS = 24 * 60 * 60 * 1000;

export type ThrottleState = { failures: number; blockedUntil: Date | null; lastFailureAt: Date };

export type ThrottleKeys = Record<ThrottleScope, string>;

/** The pseudonymous keys of a sign-in attempt: an HMAC with the instance's secret, so a copy of the table names no one. */
export function throttleKeysFor(secret: string, email: string, ip: string | null): ThrottleKeys {
  const pseudonym = (kind: string, value: string): string => `${kind}:${createHmac('sha256', secret).update(`login:${kind}:${value}`).digest('base64url').slice(0, 32)}`;
  const who = email.trim().toLowerCase();
  const where = ip ?? 'unknown';
  return { account: pseudonym('account', who), pair: pseudonym('pair', `${who}\n${where}`), ip: pseudonym('ip', where) };
}

export function isBlocked(state: Pick<ThrottleState, 'blockedUntil'> | undefined, now: Date): boolean {
  return state?.blockedUntil != null && state.blockedUntil.getTime() > now.getTime();
}

/** The scope's state after one more failure now. */
export function afterFailure(scope: ThrottleScope, state: ThrottleState | undefined, now: Date): ThrottleState {
  const rule = THROTTLE_RULES[scope];
  const forgotten = !state || now.getTime() - state.lastFailureAt.getTime() > FORGET_AFTER_MS;
  const before = forgotten ? 0 : state.failures;
  // The account's wait is not stretched by failures during it (they are refused unheard anyway):
  // otherwise a stream of wrong guesses from many networks would keep its owner out for good.
  if (scope === 'account' && state && isBlocked(state, now)) return { ...state, lastFailureAt: now };
  const failures = before + 1;
  return { failures, blockedUntil: blockedUntilAfter(rule, failures, now), lastFailureAt: now };
}
