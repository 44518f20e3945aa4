import type { PetitionRow } from '../../db/repositories/petitions-repository.js';
import { AppError } from '../../errors.js';
import type { CommandContext } from '../commands/command-context.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A petition of the key's own campaign; any other (or none) is "not found". */
export async function findKeyPetition(ctx: CommandContext, campaignId: string, petitionId: string): Promise<PetitionRow> {
  const petition = UUID.test(petitionId) ? await ctx.repos.petitions.findById(petitionId) : undefined;
  if (!petition || petition.campaignId !== campaignId) throw new AppError('not_found', 'No such petition.');
  return petition;
}
