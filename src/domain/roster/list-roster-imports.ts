import type { RosterImportRow } from '../../db/repositories/roster-import-repository.js';
import type { CommandContext } from '../commands/command-context.js';

/** The campaign's roster imports, newest first. */
export async function listRosterImports(ctx: CommandContext, input: { slug: string; limit: number }): Promise<RosterImportRow[]> {
  const { campaign } = await ctx.authorize(input.slug, 'roster.import');
  return ctx.repos.rosterImports.list(campaign.id, input.limit);
}
