import type { SignatureRow } from '../../db/repositories/petitions-repository.js';
import type { CommandContext } from '../commands/command-context.js';
import { findCampaignPetition } from './find-campaign-petition.js';

/** Signatures held for review (names and emails of community members): every view is audited. */
export async function listHeldSignatures(ctx: CommandContext, input: { slug: string; petitionId: string }): Promise<SignatureRow[]> {
  const { campaign } = await ctx.authorize(input.slug, 'public.manage');
  const petition = await findCampaignPetition(ctx, campaign.id, input.petitionId);
  const rows = await ctx.repos.petitions.listHeld(petition.id);
  await ctx.audit('petition.held_viewed', { subject: { type: 'petition', id: petition.id }, details: { count: rows.length } });
  return rows;
}
