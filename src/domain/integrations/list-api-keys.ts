import type { CommandContext } from '../commands/command-context.js';
import { presentableKey, type ApiKeySummary } from './api-key-summary.js';

/** The campaign's keys, live and revoked, for its admins; with the allowed web origins. */
export async function listApiKeys(ctx: CommandContext, input: { slug: string }): Promise<{ keys: ApiKeySummary[]; origins: string[] }> {
  const { campaign } = await ctx.authorize(input.slug, 'campaign.manage');
  const keys = await ctx.repos.integrations.listKeys(campaign.id);
  const origins = await ctx.repos.integrations.listOrigins(campaign.id);
  return { keys: keys.map(presentableKey), origins };
}
