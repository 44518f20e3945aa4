import { AppError } from '../../errors.js';
import type { CommandContext } from '../commands/command-context.js';
import { loadManagedCampaign } from './managed-campaign.js';

/**
 * A campaign admin removes an account from the campaign: its role, its schools and its committee
 * list go; its next request in the campaign finds no membership and is answered "not found". The
 * campaign always keeps an admin. Audited with the role it had.
 */
export async function removeMember(ctx: CommandContext, input: { slug: string; accountId: string }): Promise<{ accountId: string; removed: boolean }> {
  const campaign = await loadManagedCampaign(ctx, input.slug);
  const { campaigns, accounts } = ctx.repos;
  const target = await accounts.findById(input.accountId);
  // Locked before reading, as for a role change (change-membership.ts).
  const admins = await campaigns.lockAdmins(campaign.id);
  const membership = target ? await campaigns.findMembership(target.id, campaign.id) : undefined;
  if (!target || !membership) throw new AppError('not_found', 'This account is not a member of the campaign.', [{ field: 'accountId', reason: 'not a member' }]);
  if (membership.role === 'admin' && admins.every((id) => id === target.id)) {
    throw new AppError('conflict', 'This would leave the campaign without an admin. Make someone else an admin first.', [{ field: 'accountId', reason: 'the campaign needs at least one admin' }]);
  }
  await campaigns.removeMembership(target.id, campaign.id);
  await ctx.audit('member.removed', { campaignId: campaign.id, subject: { type: 'account', id: target.id }, details: { email: target.email, role: membership.role } });
  return { accountId: target.id, removed: true };
}
