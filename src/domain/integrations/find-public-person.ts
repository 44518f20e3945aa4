import type { OsdiPersonRow } from '../../db/repositories/osdi-people-repository.js';
import { AppError } from '../../errors.js';
import type { CommandContext } from '../commands/command-context.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A public-side person of the campaign, for tagging (decision 0036). An educator on the roster is
 * refused (403): roster people are not tagged over the API.
 */
export async function findPublicPerson(ctx: CommandContext, campaignId: string, personId: string): Promise<OsdiPersonRow> {
  const row = UUID.test(personId) ? await ctx.repos.osdiPeople.find(campaignId, personId.toLowerCase()) : undefined;
  if (!row) throw new AppError('not_found', 'No such person.');
  if (row.side !== 'public') throw new AppError('forbidden', 'This person is on the roster: roster people are not tagged over the API.');
  return row;
}
