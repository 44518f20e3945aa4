import { AppError } from '../../errors.js';
import type { CommandContext } from '../commands/command-context.js';
import { authorizeInstanceAdmin } from '../policies/authorize-instance-admin.js';

/**
 * An instance admin removes every second factor and recovery code of an account (a lost phone)
 * and ends all its sessions: whoever signs in next with its password sets up a factor anew.
 */
export async function resetSecondFactor(ctx: CommandContext, input: { accountId: string } | { email: string }): Promise<{ sessionsEnded: number }> {
  await authorizeInstanceAdmin(ctx.repos, ctx.requester);
  // By email from the CLI: the way back in for an instance admin who lost every factor and code.
  const account = 'accountId' in input ? await ctx.repos.accounts.findById(input.accountId) : await ctx.repos.accounts.findByEmail(input.email);
  if (!account) throw new AppError('not_found', 'No such account.');
  const before = await ctx.repos.secondFactors.summaryOf(account.id);
  await ctx.repos.secondFactors.deleteAllOf(account.id);
  const sessionsEnded = await ctx.repos.accounts.deleteSessionsOf(account.id);
  await ctx.audit('second_factor.reset', { campaignId: null, subject: { type: 'account', id: account.id }, details: { email: account.email, removed: before, sessionsEnded } });
  return { sessionsEnded };
}
