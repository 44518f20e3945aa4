import type { CommandContext } from '../commands/command-context.js';

/** Ends the requester's current session. */
export async function signOut(ctx: CommandContext, input: { sessionId: string }): Promise<void> {
  await ctx.repos.accounts.deleteSession(input.sessionId);
  await ctx.audit('auth.logout', { campaignId: null });
}
