import type { PetitionRow } from '../../db/repositories/petitions-repository.js';
import { AppError } from '../../errors.js';
import type { CommandContext } from '../commands/command-context.js';

/** A petition of the campaign, or "not found" (another campaign's petition is not found either). */
export async function findCampaignPetition(ctx: CommandContext, campaignId: string, petitionId: string): Promise<PetitionRow> {
  const petition = await ctx.repos.petitions.findById(petitionId);
  if (!petition || petition.campaignId !== campaignId) throw new AppError('not_found', 'No such petition.');
  return petition;
}
