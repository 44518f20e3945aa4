import { AppError } from '../../errors.js';
import type { CommandContext } from '../commands/command-context.js';
import { findCampaignPetition } from './find-campaign-petition.js';

/** Deletes a held signature: it was never a person, or not one who meant it. */
export async function rejectSignature(ctx: CommandContext, input: { slug: string; petitionId: string; signatureId: string }): Promise<{ id: string; status: 'rejected'; campaignId: string }> {
  const { campaign } = await ctx.authorize(input.slug, 'public.manage');
  const petition = await findCampaignPetition(ctx, campaign.id, input.petitionId);
  const row = await ctx.repos.petitions.rejectHeld(petition.id, input.signatureId);
  if (!row) throw new AppError('not_found', 'No such held signature (it may have been reviewed already).');
  await ctx.audit('petition.signature_rejected', { subject: { type: 'petition_signature', id: row.id }, details: { petitionId: petition.id, holdReason: row.holdReason } });
  return { id: row.id, status: 'rejected', campaignId: campaign.id };
}
