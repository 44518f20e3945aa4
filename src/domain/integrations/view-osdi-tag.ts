import type { TagRow } from '../../db/repositories/tags-repository.js';
import type { CommandContext } from '../commands/command-context.js';
import { authorizeApiKey } from './authorize-api-key.js';
import { findKeyTag } from './find-key-tag.js';

/** One tag, for a key with the read scope. */
export async function viewOsdiTag(ctx: CommandContext, input: { token: string | undefined; tagId: string }): Promise<TagRow> {
  const { campaign } = await authorizeApiKey(ctx, input.token, 'tags', `reading tag ${input.tagId}`);
  return findKeyTag(ctx, campaign.id, input.tagId);
}
