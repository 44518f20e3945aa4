import type { RosterRow } from '../../db/repositories/people-repository.js';
import type { CommandContext } from '../commands/command-context.js';
import { visibleWorksites } from '../policies/campaign-policy.js';

/**
 * The people employed on a day (today by default), at the schools the requester may see. The
 * roster names people: the view is audited, in the same transaction, before the list leaves.
 */
export async function listRoster(ctx: CommandContext, input: { slug: string; asOf?: string }): Promise<{ asOf: string; people: RosterRow[] }> {
  const { campaign, actor } = await ctx.authorize(input.slug, 'people.view');
  const asOf = input.asOf ?? ctx.today(campaign);
  const people = await ctx.repos.people.listRoster(campaign.id, visibleWorksites(actor, 'people.view'), asOf);
  await ctx.audit('people.list_viewed', { details: { asOf, count: people.length } });
  return { asOf, people };
}
