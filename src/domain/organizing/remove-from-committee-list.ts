import { AppError } from '../../errors.js';
import type { CommandContext } from '../commands/command-context.js';

/** Takes someone off a committee member's list. */
export async function removeFromCommitteeList(ctx: CommandContext, input: { slug: string; accountId: string; personId: string }): Promise<void> {
  const { campaign } = await ctx.authorize(input.slug, 'committee.assign');
  if (!(await ctx.repos.organizing.unassign(campaign.id, input.accountId, input.personId))) throw new AppError('not_found', 'That person is not on that list.');
  await ctx.audit('committee.unassigned', { subject: { type: 'account', id: input.accountId }, details: { personId: input.personId } });
}
