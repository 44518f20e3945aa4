import type { CommandContext } from '../commands/command-context.js';

/** Tags a supporter with tags named, making the campaign's tags that do not exist yet (Action Network's `add_tags`). */
export async function addTags(ctx: CommandContext, campaignId: string, supporterId: string, names: string[], originSystem: string | null): Promise<void> {
  for (const name of names) {
    const tag = (await ctx.repos.tags.findByName(campaignId, name)) ?? (await ctx.repos.tags.insert(campaignId, { name, identifiers: [], originSystem }, ctx.now));
    await ctx.repos.tags.tag(tag.id, supporterId, originSystem, ctx.now);
  }
}
