import type { Role } from '../../vocabulary/roles.js';
import type { CommandContext } from '../commands/command-context.js';

export type Member = { accountId: string; email: string; name: string; role: Role; worksiteIds: string[] };

/** The campaign's staff accounts, their roles and (committee members) their schools. */
export async function listMembers(ctx: CommandContext, input: { slug: string }): Promise<Member[]> {
  const { campaign } = await ctx.authorize(input.slug, 'campaign.manage');
  return ctx.repos.campaigns.listMembers(campaign.id);
}
