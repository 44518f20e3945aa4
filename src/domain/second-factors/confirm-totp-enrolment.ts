import { AppError } from '../../errors.js';
import type { CommandContext } from '../commands/command-context.js';
import { issueRecoveryCodesIfNone } from './issue-recovery-codes-if-none.js';
import { requireSecondFactorStep } from './require-second-factor-step.js';
import { matchTotpStep } from './totp-codes.js';

/**
 * Confirms the authenticator app with a code from it. The session has then passed its second
 * step; recovery codes come with the first factor (shown this once).
 */
export async function confirmTotpEnrolment(ctx: CommandContext, input: { sessionId: string; code: string }): Promise<{ recoveryCodes: string[] | null }> {
  const { account } = await requireSecondFactorStep(ctx, input.sessionId, ['enrol', 'done']);
  const totp = await ctx.repos.secondFactors.findTotp(account.id);
  if (!totp || totp.confirmedAt) throw new AppError('conflict', 'Start setting up the authenticator app again.');
  const step = matchTotpStep(totp.secret, input.code, ctx.now);
  const wrong = new AppError('validation_failed', 'That code does not match. Type the six digits your app shows now.', [{ field: 'code', reason: 'does not match' }]);
  if (step === null) throw wrong;
  if (!(await ctx.repos.secondFactors.useTotpStep(account.id, step, ctx.now))) throw wrong;
  await ctx.repos.secondFactors.markSessionVerified(input.sessionId, ctx.now);
  await ctx.audit('second_factor.totp_enrolled', { campaignId: null, subject: { type: 'account', id: account.id } });
  return { recoveryCodes: await issueRecoveryCodesIfNone(ctx, account.id) };
}
