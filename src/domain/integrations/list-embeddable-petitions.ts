import type { LocatedPetition } from '../../db/repositories/petitions-repository.js';
import type { CommandContext } from '../commands/command-context.js';

/** The campaign's published petitions, each with where it lives: what an admin may embed elsewhere. */
export async function listEmbeddablePetitions(ctx: CommandContext, input: { slug: string }): Promise<LocatedPetition[]> {
  const { campaign } = await ctx.authorize(input.slug, 'campaign.manage');
  const all = await ctx.repos.petitions.listPublishedLocated();
  return all.filter((found) => found.petition.campaignId === campaign.id);
}
