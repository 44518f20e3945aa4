import { AppError } from '../../errors.js';
import type { CommandContext } from '../commands/command-context.js';

/** Removes an endorsement and its letter. */
export async function deleteEndorsement(ctx: CommandContext, input: { slug: string; endorsementId: string }): Promise<{ campaignId: string }> {
  const { campaign } = await ctx.authorize(input.slug, 'public.manage');
  if (!(await ctx.repos.endorsements.remove(campaign.id, input.endorsementId))) throw new AppError('not_found', 'No such endorsement.');
  return { campaignId: campaign.id };
}
