import type { CampaignOfKey } from '../../db/repositories/integrations-repository.js';
import { AppError } from '../../errors.js';
import type { CommandContext } from '../commands/command-context.js';
import { keyAllows, type ApiResource } from './api-key-policy.js';
import { authenticateApiKey } from './authenticate-api-key.js';

export type ApiKeyAccess = { campaign: CampaignOfKey; keyId: string; keyName: string };

/**
 * Checks an `OSDI-API-Token` inside the command that uses it, and writes the audit row of that use
 * in the same transaction, so a use is recorded before any data leaves (decision 0029). A wrong or
 * revoked key is 401; a key without the scope is 403.
 */
export async function authorizeApiKey(ctx: CommandContext, token: string | undefined, resource: ApiResource, what: string): Promise<ApiKeyAccess> {
  const { key, campaign } = await authenticateApiKey(ctx, token);
  // A refusal rolls back with the command, so it leaves no row; the caller sees the 403.
  if (!keyAllows(key.scopes, resource)) throw new AppError('forbidden', `This API key's scopes (${key.scopes.join(', ')}) do not allow ${what}.`);
  await ctx.audit('api_key.used', { campaignId: campaign.id, subject: { type: 'api_key', id: key.id }, details: { name: key.name, what } });
  return { campaign, keyId: key.id, keyName: key.name };
}
