import type { CommandContext } from '../commands/command-context.js';
import type { ColumnMapping } from './roster-mapping.js';

/** Remembers a column mapping for the next upload of the same export. */
export async function saveRosterMapping(ctx: CommandContext, input: { slug: string; mapping: ColumnMapping }): Promise<ColumnMapping> {
  const { campaign } = await ctx.authorize(input.slug, 'roster.import');
  await ctx.repos.rosterImports.saveMapping(campaign.id, input.mapping, ctx.now);
  await ctx.audit('roster.mapping_saved', { details: { columns: Object.keys(input.mapping).length } });
  return input.mapping;
}
