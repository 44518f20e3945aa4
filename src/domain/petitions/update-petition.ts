import type { PetitionInput } from '../../db/repositories/petitions-repository.js';
import { AppError } from '../../errors.js';
import type { CommandContext } from '../commands/command-context.js';
import { findCampaignPetition } from './find-campaign-petition.js';
import type { PetitionView } from './petition-view.js';

/** Edits, publishes or unpublishes a petition; audited with the fields that changed. */
export async function updatePetition(ctx: CommandContext, input: { slug: string; petitionId: string; changes: Partial<PetitionInput> }): Promise<PetitionView> {
  const { campaign } = await ctx.authorize(input.slug, 'public.manage');
  await findCampaignPetition(ctx, campaign.id, input.petitionId);
  const row = await ctx.repos.petitions.update(campaign.id, input.petitionId, input.changes, ctx.now);
  if (row === 'slug_taken') throw new AppError('conflict', 'A petition with that slug exists in this campaign.', [{ field: 'body.slug', reason: 'is already used' }]);
  if (!row) throw new AppError('not_found', 'No such petition.');
  await ctx.audit('petition.updated', { subject: { type: 'petition', id: row.id }, details: { fields: Object.keys(input.changes), published: row.published } });
  return { row, counts: await ctx.repos.petitions.countByStatus(row.id) };
}
