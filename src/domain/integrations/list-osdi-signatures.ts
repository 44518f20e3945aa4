import type { SignatureRow } from '../../db/repositories/petitions-repository.js';
import type { CommandContext } from '../commands/command-context.js';
import { authorizeApiKey } from './authorize-api-key.js';
import { findKeyPetition } from './find-key-petition.js';
import { parseOsdiFilter } from './parse-osdi-filter.js';

/**
 * A page of a petition's signatures for an API key with the read scope (the public side: people
 * who signed a public petition). The key's use is audited before the names leave.
 */
export async function listOsdiSignatures(
  ctx: CommandContext,
  input: { token: string | undefined; petitionId: string; page: number; perPage: number; filter: string | undefined },
): Promise<{ total: number; rows: SignatureRow[] }> {
  const conditions = parseOsdiFilter(input.filter);
  const { campaign } = await authorizeApiKey(ctx, input.token, 'signatures', `reading the signatures of petition ${input.petitionId}`);
  const petition = await findKeyPetition(ctx, campaign.id, input.petitionId);
  return ctx.repos.osdiSignatures.page(petition.id, conditions, input.perPage, (input.page - 1) * input.perPage);
}
