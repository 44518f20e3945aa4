import type { CampaignRow } from '../../db/repositories/campaigns-repository.js';
import type { CommandContext } from '../commands/command-context.js';
import type { Actor } from '../policies/campaign-policy.js';

export type CampaignView = {
  campaign: CampaignRow;
  actor: Actor;
  worksites: { id: string; name: string; city: string | null }[];
  units: { id: string; name: string; description: string }[];
};

/** The campaign, its schools and units, and the requester's role in it: what every page starts from. */
export async function viewCampaign(ctx: CommandContext, input: { slug: string }): Promise<CampaignView> {
  const { campaign, actor } = await ctx.authorize(input.slug, 'dashboard.view');
  const worksites = await ctx.repos.campaigns.listWorksites(campaign.id);
  const units = await ctx.repos.campaigns.listUnits(campaign.id);
  return { campaign, actor, worksites, units };
}
