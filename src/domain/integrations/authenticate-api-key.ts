import type { ApiKeyRow, CampaignOfKey } from '../../db/repositories/integrations-repository.js';
import { AppError } from '../../errors.js';
import { hashToken } from '../accounts/tokens.js';
import type { CommandContext } from '../commands/command-context.js';

/**
 * Finds the live key an `OSDI-API-Token` names, and marks it used; 401 when missing, wrong or
 * revoked. The scope check and the audit row are the caller's (authorizeApiKey, or a read that
 * decides by what it found, like a person on the roster side).
 */
export async function authenticateApiKey(ctx: CommandContext, token: string | undefined): Promise<{ key: ApiKeyRow; campaign: CampaignOfKey }> {
  if (!token) throw new AppError('unauthenticated', 'API key missing: send it in the OSDI-API-Token header.');
  const found = await ctx.repos.integrations.useKey(hashToken(token), ctx.now);
  if (!found) throw new AppError('unauthenticated', 'API key invalid or revoked.');
  return found;
}
