import type { CommandContext } from '../commands/command-context.js';

export type CommitteeMember = { accountId: string; name: string; email: string; worksiteIds: string[] };

/**
 * The committee members a list can be given to, with their worksites (the assign form). Who is on
 * the committee is itself what an employer wants to know, so the view is audited.
 */
export async function listCommitteeMembers(ctx: CommandContext, input: { slug: string }): Promise<CommitteeMember[]> {
  const { campaign } = await ctx.authorize(input.slug, 'committee.assign');
  const members = (await ctx.repos.campaigns.listMembers(campaign.id)).filter((m) => m.role === 'committee');
  await ctx.audit('committee.members_viewed', { details: { count: members.length } });
  return members.map((m) => ({ accountId: m.accountId, name: m.name, email: m.email, worksiteIds: m.worksiteIds }));
}
