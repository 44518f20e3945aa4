import type { AccountRow } from '../../db/repositories/accounts-repository.js';
import type { CommandContext } from '../commands/command-context.js';
import { auditAccountEvent } from './audit-account-event.js';
import { afterFailure, isBlocked, throttleKeysFor, type ThrottleScope } from './login-backoff.js';
import { decoyHash, verifyPassword } from './passwords.js';
import type { SessionLimits } from './session-expiry.js';
import { startSession } from './start-session.js';

// One message for every failure: a wrong password, an unknown email, a disabled account and one
// that must wait look alike from outside, so the sign-in form cannot be used to learn who has an account.
const SIGN_IN_REFUSED = 'That email and password do not match, or there were too many attempts. Wait a minute and try again.';

export type SignInInput = { email: string; password: string; userAgent: string | null; limits: SessionLimits; secret: string };
export type SignInResult = { ok: true; token: string; account: AccountRow } | { ok: false; message: string };

const SCOPES: ThrottleScope[] = ['account', 'pair', 'ip'];

/**
 * Signs in with email and password. Every attempt does the same work in the same order, whatever
 * the account's state (decision 0027): read the back-off, read the account, verify one argon2 hash
 * (a decoy's when there is no usable account), then either start a session or count a failure in
 * every scope. A refusal is a result, not an error: its audit row and the back-off must commit with
 * it (decision 0017), and the route answers 401.
 */
export async function signIn(ctx: CommandContext, input: SignInInput): Promise<SignInResult> {
  const { accounts, loginThrottles } = ctx.repos;
  const keys = throttleKeysFor(input.secret, input.email, ctx.requester.ip);
  const found = await loginThrottles.find(SCOPES.map((s) => keys[s]));
  const states = new Map(found.map((row) => [row.key, row]));
  const blocked = SCOPES.filter((s) => isBlocked(states.get(keys[s]), ctx.now));
  const account = await accounts.findByEmail(input.email);
  const usable = account && account.passwordHash && !account.disabledAt ? account : undefined;
  const matches = await verifyPassword(usable?.passwordHash ?? (await decoyHash()), input.password);

  if (usable && matches && blocked.length === 0) {
    await loginThrottles.clear([keys.account, keys.pair]);
    const token = await startSession(ctx, usable, input);
    await auditAccountEvent(ctx, usable, 'auth.login');
    return { ok: true, token, account: usable };
  }
  const next = SCOPES.map((s) => ({ key: keys[s], ...afterFailure(s, states.get(keys[s]), ctx.now) }));
  await loginThrottles.save(next);
  const failures = next.find((n) => n.key === keys.account)?.failures ?? 0;
  const reason = !account ? 'unknown_email' : account.disabledAt ? 'disabled' : !account.passwordHash ? 'no_password' : blocked.length > 0 ? 'backing_off' : 'bad_password';
  await auditAccountEvent(ctx, { id: account?.id ?? null, email: account?.email ?? input.email.slice(0, 200) }, 'auth.login_failed', { reason, failures, ...(blocked.length > 0 ? { waiting: blocked } : {}) });
  return { ok: false, message: SIGN_IN_REFUSED };
}
