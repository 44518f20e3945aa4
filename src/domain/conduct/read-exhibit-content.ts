import type { CommandContext } from '../commands/command-context.js';

/**
 * The bytes of one exhibit of an export already audited by `exportExhibits`, read while the ZIP
 * streams (one file in memory at a time). Only for those who may export.
 */
export async function readExhibitContent(ctx: CommandContext, input: { slug: string; attachmentId: string }): Promise<Buffer | undefined> {
  const { campaign } = await ctx.authorize(input.slug, 'export.individual');
  return ctx.repos.conduct.readAttachmentContent(campaign.id, input.attachmentId);
}
