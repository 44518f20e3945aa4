import type { CommandContext } from '../commands/command-context.js';
import { toSavedView, type SavedPeopleView } from './saved-view-query.js';

/** The requester's own saved views of the people list in this campaign; nobody else's. */
export async function listSavedPeopleViews(ctx: CommandContext, input: { slug: string }): Promise<SavedPeopleView[]> {
  const { campaign, accountId } = await ctx.authorize(input.slug, 'people.view');
  return (await ctx.repos.savedViews.list(campaign.id, accountId)).map(toSavedView);
}
