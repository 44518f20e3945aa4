import type { RosterRow } from '../../db/repositories/people-repository.js';
import type { CommandContext } from '../commands/command-context.js';

/**
 * Everyone on the roster on a day (today by default), for a download. Recorded before a byte
 * leaves: an export that fails halfway was still attempted.
 */
export async function exportRoster(ctx: CommandContext, input: { slug: string; asOf?: string }): Promise<{ campaignSlug: string; asOf: string; people: RosterRow[] }> {
  const { campaign } = await ctx.authorize(input.slug, 'export.individual');
  const asOf = input.asOf ?? ctx.today(campaign);
  const people = await ctx.repos.people.listRoster(campaign.id, 'all', asOf);
  await ctx.audit('export.roster', { details: { asOf, count: people.length } });
  return { campaignSlug: campaign.slug, asOf, people };
}
