import type { RosterImportDetail } from '../../db/repositories/roster-import-repository.js';
import { AppError } from '../../errors.js';
import type { CommandContext } from '../commands/command-context.js';

/** One roster import: its counts, the mapping it used and the rows it could not import (names and emails from the file: audited). */
export async function viewRosterImport(ctx: CommandContext, input: { slug: string; importId: string }): Promise<RosterImportDetail> {
  const { campaign } = await ctx.authorize(input.slug, 'roster.import');
  const row = await ctx.repos.rosterImports.find(campaign.id, input.importId);
  if (!row) throw new AppError('not_found', 'No such import.');
  await ctx.audit('roster.import_viewed', { subject: { type: 'roster_import', id: row.id }, details: { invalidRows: row.invalidRows.length } });
  return row;
}
