import type { CommandContext } from '../commands/command-context.js';
import { changeMembership } from './change-membership.js';
import type { PortableMember } from './list-members-by-worksite-name.js';
import { loadManagedCampaign } from './managed-campaign.js';

/**
 * Gives members of a campaign that was rebuilt their roles back, at the worksites of the same
 * names. A committee member none of whose worksites exists any more is left out. Returns how many
 * were kept.
 */
export async function restoreMembers(ctx: CommandContext, input: { slug: string; members: PortableMember[] }): Promise<number> {
  const campaign = await loadManagedCampaign(ctx, input.slug);
  const sites = await ctx.repos.campaigns.listWorksites(campaign.id);
  let kept = 0;
  for (const member of input.members) {
    const names = new Set(member.worksiteNames);
    const worksiteIds = sites.filter((s) => names.has(s.name)).map((s) => s.id);
    if (member.role === 'committee' && worksiteIds.length === 0) continue;
    const { previous } = await changeMembership(ctx, { campaign, accountId: member.accountId, role: member.role, worksiteIds });
    await ctx.audit('member.role_changed', { campaignId: campaign.id, subject: { type: 'account', id: member.accountId }, details: { email: member.email, from: previous, to: member.role, worksiteIds } });
    kept++;
  }
  return kept;
}
