import type { OsdiPersonExportRow } from '../../db/repositories/osdi-people-repository.js';
import type { CommandContext } from '../commands/command-context.js';

/**
 * The campaign's public-side people (petition signers, subscribers, public RSVPs, API signups)
 * with their tags, for a file in Action Network's layout (admins). Never roster educators, their
 * cards or ratings. The audit row commits before a byte leaves.
 */
export async function exportActionNetworkPeople(ctx: CommandContext, input: { slug: string }): Promise<{ campaignSlug: string; people: OsdiPersonExportRow[] }> {
  const { campaign } = await ctx.authorize(input.slug, 'export.individual');
  const people = await ctx.repos.osdiPeople.listPublicForExport(campaign.id);
  await ctx.audit('export.action_network_people', { subject: { type: 'campaign', id: campaign.id }, details: { count: people.length } });
  return { campaignSlug: campaign.slug, people };
}
