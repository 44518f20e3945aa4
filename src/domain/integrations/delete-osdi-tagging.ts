import { AppError } from '../../errors.js';
import type { CommandContext } from '../commands/command-context.js';
import { authorizeApiKey } from './authorize-api-key.js';
import { findKeyTag } from './find-key-tag.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Takes a tag off a person (write scope). */
export async function deleteOsdiTagging(ctx: CommandContext, input: { token: string | undefined; tagId: string; taggingId: string }): Promise<void> {
  const { campaign } = await authorizeApiKey(ctx, input.token, 'tagging', `removing tagging ${input.taggingId}`);
  const tag = await findKeyTag(ctx, campaign.id, input.tagId);
  const row = UUID.test(input.taggingId) ? await ctx.repos.tags.findTagging(tag.id, input.taggingId.toLowerCase()) : undefined;
  if (!row) throw new AppError('not_found', 'No such tagging.');
  await ctx.repos.tags.deleteTagging(row.id);
  await ctx.audit('tagging.deleted_by_api', { campaignId: campaign.id, subject: { type: 'supporter', id: row.supporterId }, details: { tag: tag.name } });
}
