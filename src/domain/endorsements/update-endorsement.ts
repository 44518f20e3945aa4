import type { EndorsementWithDocument } from '../../db/repositories/endorsements-repository.js';
import { AppError } from '../../errors.js';
import type { CommandContext } from '../commands/command-context.js';
import type { DocumentUpload, EndorsementInput } from './create-endorsement.js';
import { storedDocumentOf } from './endorsement-document.js';

/** Changes an endorsement; `document` undefined keeps the letter, null removes it, a file replaces it. */
export async function updateEndorsement(
  ctx: CommandContext,
  input: { slug: string; endorsementId: string; changes: Partial<EndorsementInput>; document?: DocumentUpload | null },
): Promise<EndorsementWithDocument> {
  const { campaign } = await ctx.authorize(input.slug, 'public.manage');
  const document = input.document === undefined ? undefined : input.document === null ? null : storedDocumentOf(input.document);
  const row = await ctx.repos.endorsements.update(campaign.id, input.endorsementId, input.changes, document, ctx.now);
  const updated = row ? await ctx.repos.endorsements.find(campaign.id, row.id) : undefined;
  if (!updated) throw new AppError('not_found', 'No such endorsement.');
  return updated;
}
