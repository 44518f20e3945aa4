import type { OsdiItemRow } from '../../db/repositories/osdi-lists-repository.js';
import { AppError } from '../../errors.js';
import type { CommandContext } from '../commands/command-context.js';
import { authorizeApiKey } from './authorize-api-key.js';
import { findKeyList } from './find-key-list.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One person on a committee list (the item's id is the person's): organizing keys only. */
export async function viewOsdiItem(ctx: CommandContext, input: { token: string | undefined; listId: string; itemId: string }): Promise<OsdiItemRow> {
  const { campaign } = await authorizeApiKey(ctx, input.token, 'organizing', `reading item ${input.itemId} of committee list ${input.listId}`);
  const list = await findKeyList(ctx, campaign.id, input.listId);
  const row = UUID.test(input.itemId) ? await ctx.repos.osdiLists.item(campaign.id, list.accountId, input.itemId.toLowerCase()) : undefined;
  if (!row) throw new AppError('not_found', 'No such item.');
  return row;
}
