import type { CommandContext } from '../commands/command-context.js';

/**
 * The audit row of a sign-in, a failed sign-in or a password link: the request is anonymous, so
 * the row names the account it was about (or, for an unknown email, the email typed) as the actor.
 * These events belong to no campaign.
 */
export async function auditAccountEvent(ctx: CommandContext, actor: { id: string | null; email: string }, action: string, details: Record<string, unknown> = {}): Promise<void> {
  await ctx.repos.audit.append({ actorAccountId: actor.id, actorEmail: actor.email, campaignId: null, action, ip: ctx.requester.ip, details });
}
