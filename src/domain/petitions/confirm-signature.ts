import type { CommandContext } from '../commands/command-context.js';
import { hashToken } from '../accounts/tokens.js';
import { parseConfirmationToken } from './confirmation-token.js';
import { recordWebhookEvent } from '../integrations/record-webhook-event.js';
import { signatureEventData } from '../integrations/signature-event-data.js';

/**
 * The link in the confirmation email. Idempotent: a second click changes nothing. Undefined for
 * an unknown token or one of another petition; otherwise the petition's new public count.
 */
export async function confirmSignature(ctx: CommandContext, input: { petitionId: string; token: string }): Promise<{ count: number } | undefined> {
  const parsed = parseConfirmationToken(input.token);
  if (!parsed) return undefined;
  // Read first: only the click that confirms it tells the webhooks (a frozen clock cannot tell).
  const before = await ctx.repos.osdiSignatures.find(input.petitionId, parsed.signatureId);
  const confirmed = await ctx.repos.petitions.confirmByToken(parsed.signatureId, hashToken(parsed.secret), ctx.now);
  if (!confirmed || confirmed.petitionId !== input.petitionId) return undefined;
  // The first click that makes it count tells the campaign's webhooks (a held one counts later, on approval).
  const firstConfirmation = confirmed.status === 'confirmed' && before !== undefined && before.confirmedAt === null;
  if (firstConfirmation) {
    const petition = await ctx.repos.petitions.findById(confirmed.petitionId);
    if (petition) await recordWebhookEvent(ctx, petition.campaignId, 'signature.confirmed', signatureEventData(confirmed));
  }
  return { count: await ctx.repos.petitions.countConfirmed(input.petitionId) };
}
