import { AppError } from '../../errors.js';
import { DEMO_SLUG } from '../../vocabulary/demo.js';
import type { CommandContext } from '../commands/command-context.js';
import { isSystemRequester } from '../commands/requester.js';

/**
 * Removes the demo campaign and everything in it, and nothing else: the campaigns a union started
 * live beside it under their own ids. An admin of the demo (or the CLI) may do it; the audit log
 * keeps the removal.
 */
export async function removeDemoCampaign(ctx: CommandContext, _input: Record<string, never>): Promise<{ removed: boolean }> {
  if (!isSystemRequester(ctx.requester)) await ctx.authorize(DEMO_SLUG, 'campaign.manage');
  const campaign = await ctx.repos.campaigns.findBySlug(DEMO_SLUG);
  if (!campaign) {
    if (isSystemRequester(ctx.requester)) return { removed: false };
    throw new AppError('not_found', 'The demo campaign is not loaded.');
  }
  await ctx.repos.campaigns.deleteBySlug(DEMO_SLUG);
  await ctx.audit('campaign.demo_removed', { campaignId: campaign.id, subject: { type: 'campaign', id: campaign.id } });
  return { removed: true };
}
