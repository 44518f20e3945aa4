import type { AccountRow } from '../../db/repositories/accounts-repository.js';
import { AppError } from '../../errors.js';
import type { CommandContext } from '../commands/command-context.js';
import { auditAccountEvent } from './audit-account-event.js';
import { describePasswordProblem, hashPassword } from './passwords.js';
import type { SessionLimits } from './session-expiry.js';
import { startSession } from './start-session.js';
import { hashToken } from './tokens.js';

export type SetPasswordInput = { token: string; password: string; userAgent: string | null; limits: SessionLimits };

/** Uses a one-time welcome or reset link: sets the password, ends every other session and link, signs in. */
export async function setPassword(ctx: CommandContext, input: SetPasswordInput): Promise<{ token: string; account: AccountRow }> {
  const { accounts } = ctx.repos;
  const invalid = new AppError('token_invalid', 'This link has expired or was already used. Ask for a new one.');
  const found = await accounts.findLoginToken(hashToken(input.token), ctx.now);
  const account = found ? await accounts.findById(found.accountId) : undefined;
  if (!found || !account || account.disabledAt) {
    // As much work as a link that works, and the same answer for a link that never was and one of
    // a disabled account: the answer tells no one which (decision 0027).
    await hashPassword(input.password);
    throw invalid;
  }
  // Checked before the link is spent (a refusal rolls back anyway), so a too-short password can be retried.
  const problem = describePasswordProblem(input.password, account.email);
  if (problem) throw new AppError('validation_failed', `The password ${problem}.`, [{ field: 'password', reason: problem }]);
  // Marked used in the same statement that checks it: of two uses at once, one wins.
  const used = await accounts.consumeLoginToken(found.tokenHash, ctx.now);
  if (!used) throw invalid;
  const passwordHash = await hashPassword(input.password);
  await accounts.setPassword(account.id, passwordHash);
  // A used link makes every other one worthless, older or newer: a reset mail left in an inbox opens nothing.
  await accounts.expireLoginTokens(account.id, ctx.now, used.tokenHash);
  await accounts.deleteSessionsOf(account.id);
  await auditAccountEvent(ctx, account, used.purpose === 'welcome' ? 'auth.password_set' : 'auth.password_reset');
  const token = await startSession(ctx, account, input);
  return { token, account: { ...account, passwordHash, failedLogins: 0, lockedUntil: null } };
}
