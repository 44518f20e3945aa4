import { AppError } from '../../errors.js';
import type { Role } from '../../vocabulary/roles.js';
import type { CommandContext } from '../commands/command-context.js';
import { changeMembership } from './change-membership.js';
import { loadManagedCampaign } from './managed-campaign.js';

export type SetMembershipInput = { slug: string; accountId: string; role: Role; worksiteIds: string[] };

/** A campaign admin gives an account a role in the campaign (or changes it); audited with the role before and after. */
export async function setMembership(ctx: CommandContext, input: SetMembershipInput): Promise<{ accountId: string; role: Role; worksiteIds: string[] }> {
  const campaign = await loadManagedCampaign(ctx, input.slug);
  const target = await ctx.repos.accounts.findById(input.accountId);
  if (!target) throw new AppError('not_found', 'No such account.', [{ field: 'accountId', reason: 'not found' }]);
  const { previous, worksiteIds } = await changeMembership(ctx, { campaign, accountId: target.id, role: input.role, worksiteIds: input.worksiteIds });
  await ctx.audit('member.role_changed', { campaignId: campaign.id, subject: { type: 'account', id: target.id }, details: { email: target.email, from: previous, to: input.role, worksiteIds } });
  return { accountId: target.id, role: input.role, worksiteIds };
}
