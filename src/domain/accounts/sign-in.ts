import type { AccountRow } from '../../db/repositories/accounts-repository.js';
import type { CommandContext } from '../commands/command-context.js';
import { auditAccountEvent } from './audit-account-event.js';
import { isLocked, lockUntilAfterFailure } from './login-backoff.js';
import { decoyHash, verifyPassword } from './passwords.js';
import type { SessionLimits } from './session-expiry.js';
import { startSession } from './start-session.js';

// One message for every failure: a wrong password, an unknown email and a locked account look
// alike from outside, so the sign-in form cannot be used to learn who has an account.
const SIGN_IN_REFUSED = 'That email and password do not match, or there were too many attempts. Wait a minute and try again.';

export type SignInInput = { email: string; password: string; userAgent: string | null; limits: SessionLimits };
export type SignInResult = { ok: true; token: string; account: AccountRow } | { ok: false; message: string };

/**
 * Signs in with email and password. A refusal is a result, not an error: its audit row and the
 * backoff counter must commit with it (decision 0017), and the route answers 401.
 */
export async function signIn(ctx: CommandContext, input: SignInInput): Promise<SignInResult> {
  const { accounts } = ctx.repos;
  const refused = { ok: false as const, message: SIGN_IN_REFUSED };
  const account = await accounts.findByEmail(input.email);
  if (!account || !account.passwordHash || account.disabledAt) {
    // As slow as a real check, so the answer's timing does not tell whether the account exists.
    await verifyPassword(await decoyHash(), input.password);
    await auditAccountEvent(ctx, { id: account?.id ?? null, email: input.email.slice(0, 200) }, 'auth.login_failed', { reason: account ? 'no_password' : 'unknown_email' });
    return refused;
  }
  if (isLocked(account.lockedUntil, ctx.now)) {
    await auditAccountEvent(ctx, account, 'auth.login_failed', { reason: 'locked' });
    return refused;
  }
  if (!(await verifyPassword(account.passwordHash, input.password))) {
    const failures = await accounts.recordFailedLogin(account.id, lockUntilAfterFailure(account.failedLogins, ctx.now));
    await auditAccountEvent(ctx, account, 'auth.login_failed', { reason: 'bad_password', failures });
    return refused;
  }
  await accounts.clearFailedLogins(account.id);
  const token = await startSession(ctx, account, input);
  await auditAccountEvent(ctx, account, 'auth.login');
  return { ok: true, token, account };
}
