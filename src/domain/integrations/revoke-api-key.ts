import { AppError } from '../../errors.js';
import type { CommandContext } from '../commands/command-context.js';
import { presentableKey, type ApiKeySummary } from './api-key-summary.js';

/** Revoking is immediate and final: the next request with the key is a 401. */
export async function revokeApiKey(ctx: CommandContext, input: { slug: string; keyId: string }): Promise<ApiKeySummary> {
  const { campaign } = await ctx.authorize(input.slug, 'campaign.manage');
  const row = await ctx.repos.integrations.revokeKey(campaign.id, input.keyId, ctx.now);
  if (!row) throw new AppError('not_found', 'No such API key.');
  await ctx.audit('api_key.revoked', { subject: { type: 'api_key', id: row.id }, details: { name: row.name } });
  return presentableKey(row);
}
