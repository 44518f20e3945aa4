import type { Role } from '../../vocabulary/roles.js';
import type { CommandContext } from '../commands/command-context.js';
import { isSystemRequester } from '../commands/requester.js';
import { loadManagedCampaign } from './managed-campaign.js';

export type PortableMember = { accountId: string; email: string; role: Role; worksiteNames: string[] };

/**
 * The members of a campaign with their worksites named rather than numbered, so that they can be
 * given the same places in a campaign rebuilt from scratch (the demo's reset). Null when the
 * system asks for a campaign that does not exist.
 */
export async function listMembersByWorksiteName(ctx: CommandContext, input: { slug: string }): Promise<PortableMember[] | null> {
  if (isSystemRequester(ctx.requester) && !(await ctx.repos.campaigns.findBySlug(input.slug))) return null;
  const campaign = await loadManagedCampaign(ctx, input.slug);
  const members = await ctx.repos.campaigns.listMembers(campaign.id);
  const sites = await ctx.repos.campaigns.listWorksites(campaign.id);
  const nameOf = new Map(sites.map((s) => [s.id, s.name]));
  return members.map((m) => ({ accountId: m.accountId, email: m.email, role: m.role, worksiteNames: m.worksiteIds.flatMap((id) => nameOf.get(id) ?? []) }));
}
