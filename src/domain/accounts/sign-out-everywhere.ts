import { AppError } from '../../errors.js';
import type { CommandContext } from '../commands/command-context.js';

/** Ends every session of the requester's account (a lost phone, a shared computer); returns how many. */
export async function signOutEverywhere(ctx: CommandContext, _input: Record<string, never>): Promise<{ sessionsEnded: number }> {
  if (!ctx.requester.accountId) throw new AppError('unauthenticated', 'Sign in first.');
  const sessionsEnded = await ctx.repos.accounts.deleteSessionsOf(ctx.requester.accountId);
  await ctx.audit('auth.logout_all', { campaignId: null, details: { sessions: sessionsEnded } });
  return { sessionsEnded };
}
