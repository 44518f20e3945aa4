import { AppError } from '../../errors.js';
import type { CommandContext } from '../commands/command-context.js';

/** Removes a newsletter from the site (its sent emails stay in the transmission log). */
export async function deleteNewsletter(ctx: CommandContext, input: { slug: string; newsletterId: string }): Promise<{ campaignId: string }> {
  const { campaign } = await ctx.authorize(input.slug, 'public.manage');
  if (!(await ctx.repos.newsletters.remove(campaign.id, input.newsletterId))) throw new AppError('not_found', 'No such newsletter.');
  return { campaignId: campaign.id };
}
