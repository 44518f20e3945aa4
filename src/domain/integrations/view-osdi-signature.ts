import type { SignatureRow } from '../../db/repositories/petitions-repository.js';
import { AppError } from '../../errors.js';
import type { CommandContext } from '../commands/command-context.js';
import { authorizeApiKey } from './authorize-api-key.js';
import { findKeyPetition } from './find-key-petition.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One signature, for an API key with the read scope; audited before it leaves. */
export async function viewOsdiSignature(ctx: CommandContext, input: { token: string | undefined; petitionId: string; signatureId: string }): Promise<SignatureRow> {
  const { campaign } = await authorizeApiKey(ctx, input.token, 'signatures', `reading signature ${input.signatureId}`);
  const petition = await findKeyPetition(ctx, campaign.id, input.petitionId);
  const row = UUID.test(input.signatureId) ? await ctx.repos.osdiSignatures.find(petition.id, input.signatureId) : undefined;
  if (!row) throw new AppError('not_found', 'No such signature.');
  return row;
}
