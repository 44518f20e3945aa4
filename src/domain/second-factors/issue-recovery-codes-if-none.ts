import type { CommandContext } from '../commands/command-context.js';
import { generateRecoveryCodes, hashRecoveryCode } from './recovery-codes.js';

/** After a first factor is enrolled: a set of recovery codes if the account has none left unused (shown once). */
export async function issueRecoveryCodesIfNone(ctx: CommandContext, accountId: string): Promise<string[] | null> {
  const { recoveryCodesLeft } = await ctx.repos.secondFactors.summaryOf(accountId);
  if (recoveryCodesLeft > 0) return null;
  const codes = generateRecoveryCodes();
  await ctx.repos.secondFactors.replaceRecoveryCodes(accountId, codes.map(hashRecoveryCode), ctx.now);
  await ctx.audit('second_factor.recovery_codes_issued', { campaignId: null, subject: { type: 'account', id: accountId } });
  return codes;
}
