import { AppError } from '../../errors.js';
import type { CommandContext } from '../commands/command-context.js';

/** Deletes one of the requester's own saved views; another account's is not found. */
export async function deleteSavedPeopleView(ctx: CommandContext, input: { slug: string; viewId: string }): Promise<void> {
  const { campaign, accountId } = await ctx.authorize(input.slug, 'people.view');
  const row = await ctx.repos.savedViews.findOwn(campaign.id, accountId, input.viewId);
  if (!row) throw new AppError('not_found', 'No such saved view.');
  await ctx.repos.savedViews.delete(row.id);
  await ctx.audit('people.view_deleted', { subject: { type: 'saved_people_view', id: row.id }, details: { name: row.name } });
}
