import type { TaggingRow } from '../../db/repositories/tags-repository.js';
import { AppError } from '../../errors.js';
import type { CommandContext } from '../commands/command-context.js';
import { authorizeApiKey } from './authorize-api-key.js';
import { findKeyTag } from './find-key-tag.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One tagging of a tag, for a key with the read scope. */
export async function viewOsdiTagging(ctx: CommandContext, input: { token: string | undefined; tagId: string; taggingId: string }): Promise<TaggingRow> {
  const { campaign } = await authorizeApiKey(ctx, input.token, 'tags', `reading tagging ${input.taggingId}`);
  const tag = await findKeyTag(ctx, campaign.id, input.tagId);
  const row = UUID.test(input.taggingId) ? await ctx.repos.tags.findTagging(tag.id, input.taggingId.toLowerCase()) : undefined;
  if (!row) throw new AppError('not_found', 'No such tagging.');
  return row;
}
