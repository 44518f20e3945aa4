import type { CommandContext } from '../commands/command-context.js';
import { loadManagedCampaign } from './managed-campaign.js';

/** A campaign its manager may assign members in (the default one without a slug, for the CLI), with its worksites by name. */
export async function findCampaignWorksites(ctx: CommandContext, input: { slug?: string }): Promise<{ slug: string; worksites: { id: string; name: string }[] }> {
  const campaign = await loadManagedCampaign(ctx, input.slug);
  const worksites = await ctx.repos.campaigns.listWorksites(campaign.id);
  return { slug: campaign.slug, worksites: worksites.map((w) => ({ id: w.id, name: w.name })) };
}
