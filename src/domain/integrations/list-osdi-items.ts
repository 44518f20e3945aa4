import type { OsdiItemRow } from '../../db/repositories/osdi-lists-repository.js';
import type { CommandContext } from '../commands/command-context.js';
import { authorizeApiKey } from './authorize-api-key.js';
import { findKeyList } from './find-key-list.js';
import { refuseOsdiFilter } from './refuse-osdi-filter.js';

/** The people on a committee list (links to roster people): organizing keys only. */
export async function listOsdiItems(ctx: CommandContext, input: { token: string | undefined; listId: string; page: number; perPage: number; filter: string | undefined }): Promise<{ total: number; rows: OsdiItemRow[] }> {
  refuseOsdiFilter(input.filter, 'items');
  const { campaign } = await authorizeApiKey(ctx, input.token, 'organizing', `reading the items of committee list ${input.listId}`);
  const list = await findKeyList(ctx, campaign.id, input.listId);
  return ctx.repos.osdiLists.items(campaign.id, list.accountId, input.perPage, (input.page - 1) * input.perPage);
}
