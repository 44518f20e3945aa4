import { AppError } from '../../errors.js';
import type { CommandContext } from '../commands/command-context.js';
import { canPerform } from '../policies/campaign-policy.js';

/** A task goes only to someone who can act on it here: an organizer or committee member of this campaign. */
export async function checkAssignee(ctx: CommandContext, campaignId: string, assigneeAccountId: string | null): Promise<void> {
  if (assigneeAccountId === null) return;
  const membership = await ctx.repos.campaigns.findMembership(assigneeAccountId, campaignId);
  if (!membership || !canPerform(membership, 'conversations.edit')) {
    throw new AppError('validation_failed', 'Tasks can be assigned only to organizers and committee members of this campaign.', [{ field: 'assigneeAccountId', reason: 'is not an organizer or committee member here' }]);
  }
}
