import type { EndorsementWithDocument } from '../../db/repositories/endorsements-repository.js';
import type { endorsementLevels, endorserKinds } from '../../vocabulary/public-site.js';
import { AppError } from '../../errors.js';
import type { CommandContext } from '../commands/command-context.js';
import { storedDocumentOf } from './endorsement-document.js';

export type EndorsementInput = {
  endorserName: string;
  endorserKind: (typeof endorserKinds)[number];
  endorserTitle: string;
  level: (typeof endorsementLevels)[number];
  /** Validated as a day at the edge. */
  endorsedOn: string;
  quote: string;
  isPublic: boolean;
};
export type DocumentUpload = { filename: string; contentBase64: string };

/** An endorsement, with its letter (a PDF) if there is one: both are stored, or neither. */
export async function createEndorsement(ctx: CommandContext, input: { slug: string; endorsement: EndorsementInput; document?: DocumentUpload }): Promise<EndorsementWithDocument> {
  const { campaign } = await ctx.authorize(input.slug, 'public.manage');
  const document = input.document ? storedDocumentOf(input.document) : null;
  const row = await ctx.repos.endorsements.create({ campaignId: campaign.id, ...input.endorsement, createdAt: ctx.now, updatedAt: ctx.now }, document);
  const created = await ctx.repos.endorsements.find(campaign.id, row.id);
  if (!created) throw new AppError('internal', 'The endorsement vanished.');
  return created;
}
