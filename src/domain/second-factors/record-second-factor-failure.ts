import { blockedUntilAfter, THROTTLE_RULES } from '../accounts/login-backoff.js';
import type { CommandContext } from '../commands/command-context.js';

/**
 * A wrong code, a replayed one or a failed passkey: counted per account, with the sign-in's
 * growing wait after the first few. Only someone who already has the password gets this far.
 */
export async function recordSecondFactorFailure(ctx: CommandContext, accountId: string, method: string, reason: string): Promise<void> {
  const { failures } = await ctx.repos.secondFactors.findFailures(accountId);
  const total = await ctx.repos.secondFactors.recordFailure(accountId, blockedUntilAfter(THROTTLE_RULES.second_factor, failures + 1, ctx.now));
  await ctx.audit('second_factor.failed', { campaignId: null, subject: { type: 'account', id: accountId }, details: { method, reason, failures: total } });
}
