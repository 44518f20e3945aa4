import type { PetitionsRepository } from '../../db/repositories/petitions-repository.js';
import type { CommandContext } from '../commands/command-context.js';

export type PublicSigner = Awaited<ReturnType<PetitionsRepository['listPublicSigners']>>[number];

/** How many signers the public page shows (and the first names of those who asked to be listed). */
export async function countPublicSignatures(ctx: CommandContext, input: { petitionId: string; listed: number }): Promise<{ count: number; signers: PublicSigner[] }> {
  const [count, signers] = await Promise.all([ctx.repos.petitions.countConfirmed(input.petitionId), ctx.repos.petitions.listPublicSigners(input.petitionId, input.listed)]);
  return { count, signers };
}
