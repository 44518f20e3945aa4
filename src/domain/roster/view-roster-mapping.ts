import type { CommandContext } from '../commands/command-context.js';

/** The column mapping the next upload starts from (the last one used or saved). */
export async function viewRosterMapping(ctx: CommandContext, input: { slug: string }): Promise<Record<string, string>> {
  const { campaign } = await ctx.authorize(input.slug, 'roster.import');
  return ctx.repos.rosterImports.findMapping(campaign.id);
}
