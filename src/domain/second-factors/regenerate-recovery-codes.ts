import { AppError } from '../../errors.js';
import type { CommandContext } from '../commands/command-context.js';
import { generateRecoveryCodes, hashRecoveryCode } from './recovery-codes.js';
import { requireSecondFactorStep } from './require-second-factor-step.js';

/** A new set of recovery codes (shown once); every older code stops working. */
export async function regenerateRecoveryCodes(ctx: CommandContext, input: { sessionId: string }): Promise<{ recoveryCodes: string[] }> {
  const { account } = await requireSecondFactorStep(ctx, input.sessionId, ['done']);
  const summary = await ctx.repos.secondFactors.summaryOf(account.id);
  if (!summary.totp && summary.passkeys === 0) throw new AppError('conflict', 'Set up an authenticator app or a passkey first.');
  const codes = generateRecoveryCodes();
  await ctx.repos.secondFactors.replaceRecoveryCodes(account.id, codes.map(hashRecoveryCode), ctx.now);
  await ctx.audit('second_factor.recovery_codes_issued', { campaignId: null, subject: { type: 'account', id: account.id }, details: { replaced: true } });
  return { recoveryCodes: codes };
}
