import { AppError } from '../../errors.js';
import type { CommandContext } from '../commands/command-context.js';
import { describePasswordProblem, hashPassword, verifyPassword } from './passwords.js';

export type ChangeOwnPasswordInput = { sessionId: string; currentPassword: string; newPassword: string };
export type ChangeOwnPasswordResult = { ok: true; sessionsEnded: number } | { ok: false; message: string };

/**
 * The signed-in person changes their password, proving they know the current one (a session left
 * open on a staff-room computer is not enough). Every other session of the account ends, and every
 * unused one-time link. A wrong current password is a result, not an error, so its audit row commits.
 */
export async function changeOwnPassword(ctx: CommandContext, input: ChangeOwnPasswordInput): Promise<ChangeOwnPasswordResult> {
  const { accounts } = ctx.repos;
  const account = ctx.requester.accountId ? await accounts.findById(ctx.requester.accountId) : undefined;
  if (!account || account.disabledAt) throw new AppError('unauthenticated', 'Sign in first.');
  const problem = describePasswordProblem(input.newPassword, account.email);
  if (problem) throw new AppError('validation_failed', `The new password ${problem}.`, [{ field: 'newPassword', reason: problem }]);
  if (!account.passwordHash || !(await verifyPassword(account.passwordHash, input.currentPassword))) {
    await ctx.audit('auth.password_change_failed', { campaignId: null });
    return { ok: false, message: 'That is not your current password.' };
  }
  await accounts.setPassword(account.id, await hashPassword(input.newPassword));
  const sessionsEnded = await accounts.deleteOtherSessionsOf(account.id, input.sessionId);
  await accounts.expireLoginTokens(account.id, ctx.now);
  await ctx.audit('auth.password_changed', { campaignId: null, details: { otherSessionsEnded: sessionsEnded } });
  return { ok: true, sessionsEnded };
}
