import { AppError } from '../../errors.js';
import type { CommandContext } from '../commands/command-context.js';

export async function deletePressItem(ctx: CommandContext, input: { slug: string; itemId: string }): Promise<{ campaignId: string }> {
  const { campaign } = await ctx.authorize(input.slug, 'public.manage');
  if (!(await ctx.repos.press.remove(campaign.id, input.itemId))) throw new AppError('not_found', 'No such press item.');
  return { campaignId: campaign.id };
}
