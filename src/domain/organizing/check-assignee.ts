import { AppError } from '../../errors.js';
import type { CommandContext } from '../commands/command-context.js';
import type { PersonScope } from '../people/person-access.js';
import { canPerform } from '../policies/campaign-policy.js';

/**
 * A task goes only to someone who can act on it here: an organizer or committee member of this
 * campaign, and, for a task about a person, one who may see that person. A task names its person
 * and says what to do about them: given to a committee member at another school, it would show
 * them a coworker they may not otherwise see.
 */
export async function checkAssignee(ctx: CommandContext, campaignId: string, assigneeAccountId: string | null, about: PersonScope | null = null): Promise<void> {
  if (assigneeAccountId === null) return;
  const membership = await ctx.repos.campaigns.findMembership(assigneeAccountId, campaignId);
  if (!membership || !canPerform(membership, 'conversations.edit')) {
    throw new AppError('validation_failed', 'Tasks can be assigned only to organizers and committee members of this campaign.', [{ field: 'assigneeAccountId', reason: 'is not an organizer or committee member here' }]);
  }
  if (about && !about.worksiteIds.some((w) => canPerform(membership, 'people.view', w) && canPerform(membership, 'conversations.edit', w))) {
    throw new AppError('validation_failed', 'That person works at a school the assignee does not organize: give the task to someone who organizes there.', [
      { field: 'assigneeAccountId', reason: 'may not see the person this task is about' },
    ]);
  }
}
