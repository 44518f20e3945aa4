import type { TagRow } from '../../db/repositories/tags-repository.js';
import { AppError } from '../../errors.js';
import type { CommandContext } from '../commands/command-context.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A tag of the key's campaign, or 404: another campaign's tag is not found, not forbidden. */
export async function findKeyTag(ctx: CommandContext, campaignId: string, tagId: string): Promise<TagRow> {
  const tag = UUID.test(tagId) ? await ctx.repos.tags.find(campaignId, tagId.toLowerCase()) : undefined;
  if (!tag) throw new AppError('not_found', 'No such tag.');
  return tag;
}
