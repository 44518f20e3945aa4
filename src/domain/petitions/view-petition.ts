import type { CommandContext } from '../commands/command-context.js';
import { findCampaignPetition } from './find-campaign-petition.js';
import type { PetitionView } from './petition-view.js';

export async function viewPetition(ctx: CommandContext, input: { slug: string; petitionId: string }): Promise<PetitionView> {
  const { campaign } = await ctx.authorize(input.slug, 'public.manage');
  const row = await findCampaignPetition(ctx, campaign.id, input.petitionId);
  return { row, counts: await ctx.repos.petitions.countByStatus(row.id) };
}
