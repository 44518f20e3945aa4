import { createHash } from 'node:crypto';
import type { AttachmentMeta } from '../../db/repositories/conduct-repository.js';
import { AppError } from '../../errors.js';
import type { CommandContext } from '../commands/command-context.js';
import { openCampaign } from '../policies/open-campaign.js';

/** Uploads larger than this are refused (evidence is memos, photos and email exports). */
export const MAX_ATTACHMENT_BYTES = 25 * 1024 * 1024;

export type UploadAttachmentInput = { slug: string; filename: string; mediaType: string; description: string; content: Buffer };

/** A filename safe to store and to put in a ZIP: no directories, no control characters. */
function cleanFilename(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const cleaned = base.replace(/[\u0000-\u001f\u007f"]/g, '').trim().slice(-200);
  return cleaned === '' || cleaned === '.' || cleaned === '..' ? 'file' : cleaned;
}

/** Stores a file of evidence with the SHA-256 of the bytes as received: the hash the exhibits manifest will show. */
export async function uploadAttachment(ctx: CommandContext, input: UploadAttachmentInput): Promise<AttachmentMeta> {
  const campaign = await openCampaign(ctx, input.slug, 'conduct.edit');
  if (input.content.length === 0) throw new AppError('validation_failed', 'The file is empty.', [{ field: 'file', reason: 'is empty' }]);
  if (input.content.length > MAX_ATTACHMENT_BYTES) throw new AppError('payload_too_large', `Files are limited to ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB.`);
  const attachment = await ctx.repos.conduct.createAttachment({
    campaignId: campaign.id,
    filename: cleanFilename(input.filename),
    mediaType: input.mediaType.toLowerCase().slice(0, 200) || 'application/octet-stream',
    sizeBytes: input.content.length,
    sha256: createHash('sha256').update(input.content).digest('hex'),
    description: input.description.trim().slice(0, 2000),
    uploadedByAccountId: ctx.requester.accountId,
    content: input.content,
  });
  await ctx.audit('conduct.attachment_uploaded', { campaignId: campaign.id, subject: { type: 'attachment', id: attachment.id }, details: { sha256: attachment.sha256, sizeBytes: attachment.sizeBytes, mediaType: attachment.mediaType } });
  return attachment;
}
