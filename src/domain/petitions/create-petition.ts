import type { PetitionInput } from '../../db/repositories/petitions-repository.js';
import { AppError } from '../../errors.js';
import type { CommandContext } from '../commands/command-context.js';
import type { PetitionView } from './petition-view.js';

/** A new petition (a draft unless published at once); audited. */
export async function createPetition(ctx: CommandContext, input: { slug: string; petition: PetitionInput }): Promise<PetitionView> {
  const { campaign } = await ctx.authorize(input.slug, 'public.manage');
  const row = await ctx.repos.petitions.create(campaign.id, input.petition, ctx.now);
  if (!row) throw new AppError('conflict', 'A petition with that slug exists in this campaign.', [{ field: 'body.slug', reason: 'is already used' }]);
  await ctx.audit('petition.created', { subject: { type: 'petition', id: row.id }, details: { slug: row.slug, published: row.published } });
  return { row, counts: await ctx.repos.petitions.countByStatus(row.id) };
}
