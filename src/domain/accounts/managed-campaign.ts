import type { CampaignRow } from '../../db/repositories/campaigns-repository.js';
import { AppError } from '../../errors.js';
import type { CommandContext } from '../commands/command-context.js';
import { isSystemRequester } from '../commands/requester.js';

/**
 * The campaign whose members the requester may manage: a campaign admin's (the policy check), or
 * any campaign for the system itself (the CLI, start-up). Without a slug, the system gets the
 * default campaign.
 */
export async function loadManagedCampaign(ctx: CommandContext, slug: string | undefined): Promise<CampaignRow> {
  if (!isSystemRequester(ctx.requester)) return (await ctx.authorize(slug ?? '', 'campaign.manage')).campaign;
  const campaign = slug ? await ctx.repos.campaigns.findBySlug(slug) : await ctx.repos.campaigns.findDefault();
  if (!campaign) throw new AppError('not_found', `No campaign ${slug ?? '(none exists yet)'}.`);
  return campaign;
}
