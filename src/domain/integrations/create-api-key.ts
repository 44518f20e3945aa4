import { randomBytes } from 'node:crypto';
import type { ApiKeyScope } from '../../vocabulary/api-keys.js';
import { hashToken } from '../accounts/tokens.js';
import type { CommandContext } from '../commands/command-context.js';
import { presentableKey, type ApiKeySummary } from './api-key-summary.js';

/**
 * An admin creates a key for one campaign. The secret is returned this once and never again:
 * only its SHA-256 is stored (decision 0029).
 */
export async function createApiKey(ctx: CommandContext, input: { slug: string; name: string; scopes: ApiKeyScope[] }): Promise<{ key: ApiKeySummary; token: string }> {
  const { campaign, accountId } = await ctx.authorize(input.slug, 'campaign.manage');
  const token = `uh_${randomBytes(32).toString('base64url')}`;
  // Sorted and unique: the scopes are a set, and read is implied by nothing else.
  const scopes = [...new Set(input.scopes)].sort();
  const row = await ctx.repos.integrations.insertKey({ campaignId: campaign.id, name: input.name, prefix: token.slice(0, 10), tokenHash: hashToken(token), scopes, createdByAccountId: accountId, createdAt: ctx.now });
  await ctx.audit('api_key.created', { subject: { type: 'api_key', id: row.id }, details: { name: input.name, scopes } });
  return { key: presentableKey(row), token };
}
