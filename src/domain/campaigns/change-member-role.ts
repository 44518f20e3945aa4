import { AppError } from '../../errors.js';
import type { Role } from '../../vocabulary/roles.js';
import type { CommandContext } from '../commands/command-context.js';

export type ChangeMemberRoleInput = { slug: string; accountId: string; role: Role; worksiteIds: string[] };

/**
 * Gives an account a role in the campaign (and, to a committee member, the schools they see).
 * The campaign always keeps an admin: otherwise no one could manage roles or export a filing.
 */
export async function changeMemberRole(ctx: CommandContext, input: ChangeMemberRoleInput): Promise<{ accountId: string; role: Role; worksiteIds: string[] }> {
  const { campaign } = await ctx.authorize(input.slug, 'campaign.manage');
  const { campaigns, accounts } = ctx.repos;
  const target = await accounts.findById(input.accountId);
  if (!target) throw new AppError('not_found', 'No such account.', [{ field: 'accountId', reason: 'not found' }]);
  const known = new Set((await campaigns.listWorksites(campaign.id)).map((w) => w.id));
  const unknown = input.worksiteIds.filter((id) => !known.has(id));
  if (unknown.length > 0) throw new AppError('validation_failed', 'Some worksites are not in this campaign.', [{ field: 'worksiteIds', reason: `unknown: ${unknown.join(', ')}` }]);
  if (input.role === 'committee' && input.worksiteIds.length === 0) {
    throw new AppError('validation_failed', 'A committee member needs at least one worksite.', [{ field: 'worksiteIds', reason: 'required for committee members' }]);
  }
  const worksiteIds = input.role === 'committee' ? input.worksiteIds : [];
  const previous = await campaigns.setMembership({ accountId: target.id, campaignId: campaign.id, role: input.role, worksiteIds });
  // Counted after the change, with the admins' rows locked: a simultaneous demotion of the other
  // admin waits for this one and then finds no admin left (and is refused, changing nothing).
  if (previous === 'admin' && (await campaigns.lockAdmins(campaign.id)).length === 0) {
    throw new AppError('conflict', 'This would leave the campaign without an admin. Make someone else an admin first.', [{ field: 'role', reason: 'the campaign needs at least one admin' }]);
  }
  await ctx.audit('member.role_changed', { subject: { type: 'account', id: target.id }, details: { email: target.email, from: previous, to: input.role, worksiteIds } });
  return { accountId: target.id, role: input.role, worksiteIds: [...new Set(worksiteIds)] };
}
