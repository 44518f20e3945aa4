import type { PetitionRow, SignatureRow } from '../../db/repositories/petitions-repository.js';
import type { CommandContext } from '../commands/command-context.js';
import { findCampaignPetition } from './find-campaign-petition.js';

/**
 * Every signer of a petition, for a file (admins only). The audit row commits before a byte
 * leaves: an export that fails halfway was still attempted.
 */
export async function exportPetitionSigners(ctx: CommandContext, input: { slug: string; petitionId: string }): Promise<{ campaignSlug: string; petition: PetitionRow; signers: SignatureRow[] }> {
  const { campaign } = await ctx.authorize(input.slug, 'export.individual');
  const petition = await findCampaignPetition(ctx, campaign.id, input.petitionId);
  const signers = await ctx.repos.petitions.listForExport(petition.id);
  await ctx.audit('export.petition_signers', { subject: { type: 'petition', id: petition.id }, details: { count: signers.length } });
  return { campaignSlug: campaign.slug, petition, signers };
}
