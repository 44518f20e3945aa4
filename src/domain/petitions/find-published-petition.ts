import type { CommandContext } from '../commands/command-context.js';
import type { PublishedPetition } from './list-published-petitions.js';

/** One published petition, anywhere on the instance, with its public count. */
export async function findPublishedPetition(ctx: CommandContext, input: { petitionId: string }): Promise<PublishedPetition | undefined> {
  const found = await ctx.repos.petitions.findLocated(input.petitionId);
  if (!found || !found.petition.published) return undefined;
  return { ...found, count: await ctx.repos.petitions.countConfirmed(found.petition.id) };
}
