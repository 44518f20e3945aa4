import type { SignatureRow } from '../../db/repositories/petitions-repository.js';
import { uuidV7 } from '../../support/uuid-v7.js';
import type { CommandContext } from '../commands/command-context.js';
import { authorizeApiKey } from './authorize-api-key.js';
import { findKeyPetition } from './find-key-petition.js';
import type { OsdiSignatureParts } from './osdi-signature-parts.js';
import { recordWebhookEvent } from './record-webhook-event.js';
import { signatureEventData } from './signature-event-data.js';

/**
 * A signature posted with a write-scoped key: its source (Action Network, the union's own site
 * behind a server) vouches that the signer confirmed, so it counts at once, with that origin
 * recorded (decision 0029). The same signer again (a foreign id seen before, or the same email)
 * updates their signature instead of adding one.
 */
export async function recordVouchedSignature(ctx: CommandContext, input: { token: string | undefined; petitionId: string; parts: OsdiSignatureParts }): Promise<SignatureRow> {
  const { campaign, keyName } = await authorizeApiKey(ctx, input.token, 'record_signature', `recording a signature on petition ${input.petitionId}`);
  const petition = await findKeyPetition(ctx, campaign.id, input.petitionId);
  const { parts } = input;
  const vouched = {
    petitionId: petition.id,
    givenName: parts.givenName,
    familyName: parts.familyName,
    email: parts.email,
    postalCode: parts.postalCode,
    city: parts.city,
    comment: parts.comment,
    details: parts.details,
    identifiers: parts.identifiers,
    // Who vouches: the origin the client names, and always the key that said so.
    originSystem: parts.originSystem ? `${parts.originSystem} (API key ${keyName})` : `API key ${keyName}`,
    at: ctx.now,
  };
  const existing = await ctx.repos.osdiSignatures.findMatch(petition.id, parts.email, parts.identifiers);
  const row = existing ? await ctx.repos.osdiSignatures.updateVouched(existing, vouched) : await ctx.repos.osdiSignatures.insertVouched(uuidV7(), vouched);
  if (row.status === 'confirmed' && existing?.status !== 'confirmed') await recordWebhookEvent(ctx, campaign.id, 'signature.confirmed', signatureEventData(row));
  await ctx.audit(existing ? 'petition_signature.updated_by_api' : 'petition_signature.recorded_by_api', { campaignId: campaign.id, subject: { type: 'petition_signature', id: row.id }, details: { petitionId: petition.id, origin: vouched.originSystem } });
  return row;
}
