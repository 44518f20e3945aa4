import type { LocatedPetition } from '../../db/repositories/petitions-repository.js';
import type { CommandContext } from '../commands/command-context.js';

export type PublishedPetition = LocatedPetition & { count: number };

/** A page of the instance's published petitions with their public counts (the OSDI collection). */
export async function listPublishedPetitions(ctx: CommandContext, input: { page: number; perPage: number }): Promise<{ total: number; petitions: PublishedPetition[] }> {
  const all = await ctx.repos.petitions.listPublishedLocated();
  const slice = all.slice((input.page - 1) * input.perPage, input.page * input.perPage);
  const petitions = await Promise.all(slice.map(async (found) => ({ ...found, count: await ctx.repos.petitions.countConfirmed(found.petition.id) })));
  return { total: all.length, petitions };
}
