import { AppError } from '../../errors.js';
import type { CommandContext } from '../commands/command-context.js';

export type StoredDocument = { sha256: string; filename: string; contentType: string; size: number; bytes: Buffer };

/** An endorsement's letter, for organizers, public or not yet. */
export async function viewEndorsementDocument(ctx: CommandContext, input: { slug: string; endorsementId: string }): Promise<StoredDocument> {
  const { campaign } = await ctx.authorize(input.slug, 'public.manage');
  const doc = await ctx.repos.endorsements.findDocument(campaign.id, { endorsementId: input.endorsementId, publicOnly: false });
  if (!doc) throw new AppError('not_found', 'This endorsement has no document.');
  return doc;
}
