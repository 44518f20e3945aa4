import type { CommandContext } from '../commands/command-context.js';
import type { PetitionView } from './petition-view.js';

/** The campaign's petitions, newest first, with their signatures counted by status. */
export async function listPetitions(ctx: CommandContext, input: { slug: string }): Promise<PetitionView[]> {
  const { campaign } = await ctx.authorize(input.slug, 'public.manage');
  const { petitions } = ctx.repos;
  const rows = await petitions.listForCampaign(campaign.id);
  const counts = await petitions.countByStatusInCampaign(campaign.id);
  const none = { pending_confirmation: 0, confirmed: 0, held_for_review: 0 };
  return rows.map((row) => ({ row, counts: counts.get(row.id) ?? none }));
}
