import type { OsdiListRow } from '../../db/repositories/osdi-lists-repository.js';
import { AppError } from '../../errors.js';
import type { CommandContext } from '../commands/command-context.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A committee list of the key's campaign (its id is the committee member's account id), or 404. */
export async function findKeyList(ctx: CommandContext, campaignId: string, listId: string): Promise<OsdiListRow> {
  const list = UUID.test(listId) ? await ctx.repos.osdiLists.find(campaignId, listId.toLowerCase()) : undefined;
  if (!list) throw new AppError('not_found', 'No such list.');
  return list;
}
