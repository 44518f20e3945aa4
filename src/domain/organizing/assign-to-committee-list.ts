import { AppError } from '../../errors.js';
import type { CommandContext } from '../commands/command-context.js';

/**
 * Puts people on a committee member's list (moving them from any other list): only people working
 * today at that member's worksites. Answers how many are on the list from this request.
 */
export async function assignToCommitteeList(ctx: CommandContext, input: { slug: string; accountId: string; personIds: string[] }): Promise<number> {
  const { campaign } = await ctx.authorize(input.slug, 'committee.assign');
  const { campaigns, organizing } = ctx.repos;
  const member = await campaigns.findMembership(input.accountId, campaign.id);
  if (!member || member.role !== 'committee') {
    throw new AppError('validation_failed', 'Lists belong to committee members of this campaign.', [{ field: 'accountId', reason: 'is not a committee member of this campaign' }]);
  }
  const unique = [...new Set(input.personIds)];
  const eligible = new Set(await organizing.employedAt(campaign.id, unique, member.worksiteIds, ctx.today(campaign)));
  const outside = unique.filter((id) => !eligible.has(id));
  if (outside.length > 0) {
    throw new AppError('validation_failed', `${outside.length} of these people do not work at this committee member's worksites.`, outside.map((id) => ({ field: 'personIds', reason: `${id} is not at their worksites` })));
  }
  await organizing.assign(campaign.id, input.accountId, unique, ctx.now);
  await ctx.audit('committee.assigned', { subject: { type: 'account', id: input.accountId }, details: { people: unique.length } });
  return unique.length;
}
