import type { SignatureRow } from '../../db/repositories/petitions-repository.js';
import { AppError } from '../../errors.js';
import type { CommandContext } from '../commands/command-context.js';
import { findCampaignPetition } from './find-campaign-petition.js';
import { recordWebhookEvent } from '../integrations/record-webhook-event.js';
import { signatureEventData } from '../integrations/signature-event-data.js';

/** Lifts a hold: the signature counts once (or as soon as) its email is confirmed. */
export async function approveSignature(ctx: CommandContext, input: { slug: string; petitionId: string; signatureId: string }): Promise<{ id: string; status: SignatureRow['status']; campaignId: string }> {
  const { campaign } = await ctx.authorize(input.slug, 'public.manage');
  const petition = await findCampaignPetition(ctx, campaign.id, input.petitionId);
  const row = await ctx.repos.petitions.approveHeld(petition.id, input.signatureId, ctx.now);
  if (!row) throw new AppError('not_found', 'No such held signature (it may have been reviewed already).');
  // Confirmed by email earlier, held until now: it counts from this moment, so the webhooks hear of it now.
  if (row.status === 'confirmed') await recordWebhookEvent(ctx, campaign.id, 'signature.confirmed', signatureEventData(row));
  await ctx.audit('petition.signature_approved', { subject: { type: 'petition_signature', id: row.id }, details: { petitionId: petition.id, holdReason: row.holdReason } });
  return { id: row.id, status: row.status, campaignId: campaign.id };
}
