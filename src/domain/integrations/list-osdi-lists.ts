import type { OsdiListRow } from '../../db/repositories/osdi-lists-repository.js';
import type { CommandContext } from '../commands/command-context.js';
import { authorizeApiKey } from './authorize-api-key.js';
import { refuseOsdiFilter } from './refuse-osdi-filter.js';

/** The committee lists (one per committee member with people assigned): organizing keys only. */
export async function listOsdiLists(ctx: CommandContext, input: { token: string | undefined; page: number; perPage: number; filter: string | undefined }): Promise<{ total: number; rows: OsdiListRow[] }> {
  refuseOsdiFilter(input.filter, 'lists');
  const { campaign } = await authorizeApiKey(ctx, input.token, 'organizing', 'reading committee lists');
  return ctx.repos.osdiLists.page(campaign.id, input.perPage, (input.page - 1) * input.perPage);
}
