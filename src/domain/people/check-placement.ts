import { AppError } from '../../errors.js';
import type { CommandContext } from '../commands/command-context.js';
import type { CampaignAccess } from '../policies/authorize-campaign.js';
import { canPerform } from '../policies/campaign-policy.js';

/**
 * A worksite and unit a person may be placed in: both of this campaign, and (for committee
 * members) a worksite of their own, so no one moves a coworker out of sight to a school they do
 * not have.
 */
export async function checkPlacement(ctx: CommandContext, access: CampaignAccess, worksiteId: string, unitId: string | null): Promise<void> {
  const { campaigns } = ctx.repos;
  // One after another: a command's queries share its transaction's one connection.
  const sites = await campaigns.listWorksites(access.campaign.id);
  const units = await campaigns.listUnits(access.campaign.id);
  if (!sites.some((s) => s.id === worksiteId)) throw new AppError('validation_failed', 'That worksite is not in this campaign.', [{ field: 'worksiteId', reason: 'is not a worksite of this campaign' }]);
  if (unitId !== null && !units.some((u) => u.id === unitId)) throw new AppError('validation_failed', 'That unit is not in this campaign.', [{ field: 'unitId', reason: 'is not a unit of this campaign' }]);
  if (!canPerform(access.actor, 'people.edit', worksiteId)) throw new AppError('forbidden', 'You can only edit people at your own worksites.');
}
