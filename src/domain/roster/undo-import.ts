import type { RosterImportDetail } from '../../db/repositories/roster-import-repository.js';
import { AppError } from '../../errors.js';
import type { CommandContext } from '../commands/command-context.js';

/**
 * Reverts one roster import exactly: people it added are removed, people it changed get their old
 * values, employments it ended are reopened and those it started are removed. Only the latest
 * applied import can be undone (a later one may build on it), and never one whose new people have
 * since been rated or talked to, or are referred to by anything added since (a card, say): undoing
 * it would erase that history.
 */
export async function undoImport(ctx: CommandContext, input: { slug: string; importId: string }): Promise<RosterImportDetail> {
  const { campaign } = await ctx.authorize(input.slug, 'roster.import');
  const { rosterImports } = ctx.repos;
  // Waits for an import of the same campaign in progress: it would be the later one.
  await rosterImports.lock(campaign.id);
  const target = await rosterImports.findForUpdate(campaign.id, input.importId);
  if (!target) throw new AppError('not_found', 'No such import.');
  if (target.status === 'undone') throw new AppError('conflict', 'This import was already undone.');
  const later = await rosterImports.countAppliedAfter(campaign.id, input.importId);
  if (later > 0) throw new AppError('conflict', `Only the latest import can be undone: undo the ${later} later one(s) first.`);
  const used = await rosterImports.countCreatedPeopleWithHistory(input.importId);
  if (used > 0) throw new AppError('conflict', `${used} people this import added have since been rated or talked to; undoing it would erase that history.`);
  if ((await rosterImports.revert(input.importId)) === 'referenced') {
    throw new AppError('conflict', 'Records added since this import refer to people it created; it cannot be undone.');
  }
  await rosterImports.markUndone(input.importId, ctx.requester.email ?? 'system', ctx.now);
  await ctx.audit('roster.import_undone', { subject: { type: 'roster_import', id: input.importId } });
  const row = await rosterImports.find(campaign.id, input.importId);
  if (!row) throw new AppError('not_found', 'No such import.');
  return row;
}
