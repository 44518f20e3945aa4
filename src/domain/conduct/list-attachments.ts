import type { AttachmentMeta } from '../../db/repositories/conduct-repository.js';
import type { CommandContext } from '../commands/command-context.js';

/** Every file uploaded to the campaign's evidence locker (names and hashes, not contents); audited. */
export async function listAttachments(ctx: CommandContext, input: { slug: string }): Promise<AttachmentMeta[]> {
  const { campaign } = await ctx.authorize(input.slug, 'conduct.view');
  const rows = await ctx.repos.conduct.listAttachments(campaign.id);
  await ctx.audit('conduct.attachments_listed', { campaignId: campaign.id, details: { count: rows.length } });
  return rows;
}
