import type { CampaignRow } from '../../db/repositories/campaigns-repository.js';
import { AppError } from '../../errors.js';
import type { Role } from '../../vocabulary/roles.js';
import type { CommandContext } from '../commands/command-context.js';

export type MembershipChange = { campaign: CampaignRow; accountId: string; role: Role; worksiteIds: string[] };

/**
 * Gives an account a role in a campaign (committee members: at their worksites), under the rules
 * of membership: worksites must be the campaign's, a committee member has at least one, and a
 * campaign always keeps an admin. Returns the role before, and the worksites as stored.
 */
export async function changeMembership(ctx: CommandContext, change: MembershipChange): Promise<{ previous: Role | null; worksiteIds: string[] }> {
  const { campaigns } = ctx.repos;
  const known = new Set((await campaigns.listWorksites(change.campaign.id)).map((w) => w.id));
  const unknown = change.worksiteIds.filter((id) => !known.has(id));
  if (unknown.length > 0) throw new AppError('validation_failed', 'Some worksites are not in this campaign.', [{ field: 'worksiteIds', reason: `unknown: ${unknown.join(', ')}` }]);
  if (change.role === 'committee' && change.worksiteIds.length === 0) {
    throw new AppError('validation_failed', 'A committee member needs at least one worksite.', [{ field: 'worksiteIds', reason: 'required for committee members' }]);
  }
  // Locked before reading, so of two simultaneous demotions of the last two admins, the second
  // waits for the first, sees it, and is refused.
  const admins = await campaigns.lockAdmins(change.campaign.id);
  const previous = (await campaigns.findMembership(change.accountId, change.campaign.id))?.role ?? null;
  // A campaign must keep an admin: otherwise no one can manage roles or export a filing.
  if (previous === 'admin' && change.role !== 'admin' && admins.every((id) => id === change.accountId)) {
    throw new AppError('conflict', 'This would leave the campaign without an admin. Make someone else an admin first.', [{ field: 'role', reason: 'the campaign needs at least one admin' }]);
  }
  // The same worksite named twice (a form, a CLI `--worksite` in two spellings) is one assignment.
  const worksiteIds = change.role === 'committee' ? [...new Set(change.worksiteIds)] : [];
  await campaigns.saveMembership({ accountId: change.accountId, campaignId: change.campaign.id, role: change.role, worksiteIds });
  return { previous, worksiteIds };
}
