import type { AttachmentMeta } from '../../db/repositories/conduct-repository.js';
import { AppError } from '../../errors.js';
import type { CommandContext } from '../commands/command-context.js';

/** One file of evidence, its bytes as uploaded; audited before they leave. */
export async function viewAttachment(ctx: CommandContext, input: { slug: string; attachmentId: string }): Promise<{ meta: AttachmentMeta; content: Buffer }> {
  const { campaign } = await ctx.authorize(input.slug, 'conduct.view');
  const { conduct } = ctx.repos;
  const meta = await conduct.findAttachment(campaign.id, input.attachmentId);
  const content = meta ? await conduct.readAttachmentContent(campaign.id, meta.id) : undefined;
  if (!meta || !content) throw new AppError('not_found', 'No such attachment.');
  await ctx.audit('conduct.attachment_viewed', { campaignId: campaign.id, subject: { type: 'attachment', id: meta.id }, details: { filename: meta.filename } });
  return { meta, content };
}
