import type { OsdiListRow } from '../../db/repositories/osdi-lists-repository.js';
import type { CommandContext } from '../commands/command-context.js';
import { authorizeApiKey } from './authorize-api-key.js';
import { findKeyList } from './find-key-list.js';

/** One committee list: organizing keys only. */
export async function viewOsdiList(ctx: CommandContext, input: { token: string | undefined; listId: string }): Promise<OsdiListRow> {
  const { campaign } = await authorizeApiKey(ctx, input.token, 'organizing', `reading committee list ${input.listId}`);
  return findKeyList(ctx, campaign.id, input.listId);
}
