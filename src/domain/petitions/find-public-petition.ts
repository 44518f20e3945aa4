import type { PetitionRow } from '../../db/repositories/petitions-repository.js';
import type { CommandContext } from '../commands/command-context.js';

/** A published petition of the campaign by its address; drafts are not found. */
export async function findPublicPetition(ctx: CommandContext, input: { campaignId: string; petitionSlug: string }): Promise<PetitionRow | undefined> {
  const petition = await ctx.repos.petitions.findBySlug(input.campaignId, input.petitionSlug);
  return petition?.published ? petition : undefined;
}
