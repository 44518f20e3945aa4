import { AppError } from '../../errors.js';
import type { CommandContext } from '../commands/command-context.js';
import { toSavedView, type SavedPeopleView } from './saved-view-query.js';

/**
 * Saves the people list's current filters and sort under a name, for the requester alone. The
 * query holds ids and codes only (school, unit, committee member, rating, card, contact, sort, a
 * name search), checked by the contract; the audit row names the view, not the query.
 */
export async function savePeopleView(ctx: CommandContext, input: { slug: string; name: string; query: Record<string, string> }): Promise<SavedPeopleView> {
  const { campaign, accountId } = await ctx.authorize(input.slug, 'people.view');
  const row = await ctx.repos.savedViews.create({ campaignId: campaign.id, accountId, name: input.name, query: input.query });
  if (!row) throw new AppError('conflict', 'You already have a saved view with this name.', [{ field: 'name', reason: 'taken' }]);
  await ctx.audit('people.view_saved', { subject: { type: 'saved_people_view', id: row.id }, details: { name: row.name, filters: Object.keys(row.query).sort() } });
  return toSavedView(row);
}
