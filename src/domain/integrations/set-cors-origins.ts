import type { CommandContext } from '../commands/command-context.js';

/**
 * The web origins (the union's own site) whose pages may call the public helpers and reads from a
 * browser and embed the petition. Replaces the whole list.
 */
export async function setCorsOrigins(ctx: CommandContext, input: { slug: string; origins: string[] }): Promise<{ origins: string[] }> {
  const { campaign } = await ctx.authorize(input.slug, 'campaign.manage');
  const origins = [...new Set(input.origins)].sort();
  await ctx.repos.integrations.replaceOrigins(campaign.id, origins);
  await ctx.audit('cors_origins.set', { details: { origins } });
  return { origins };
}
