import { AppError } from '../../errors.js';
import type { CommandContext } from '../commands/command-context.js';
import { openCampaign } from '../policies/open-campaign.js';
import { count } from './setup-rules.js';
import { unitNotFound } from './update-bargaining-unit.js';

/**
 * Removes a bargaining unit entered by mistake. Refused while people are or were in it (their
 * employment history names it: majority and filing are counted from it).
 */
export async function removeBargainingUnit(ctx: CommandContext, input: { slug: string; unitId: string }): Promise<{ id: string; name: string }> {
  const campaign = await openCampaign(ctx, input.slug, 'campaign.manage');
  const unit = await ctx.repos.campaigns.findUnit(campaign.id, input.unitId);
  if (!unit) throw unitNotFound();
  const usage = await ctx.repos.campaigns.unitUsage(unit.id);
  if (usage.people > 0) {
    const reason = `${count(usage.people, 'person is or was', 'people are or were')} in it (employment history)`;
    throw new AppError('in_use', `"${unit.name}" is still in use: ${reason}. A unit with a history stays; rename it instead. Nothing was removed.`, [{ field: 'people', reason }]);
  }
  await ctx.repos.campaigns.deleteUnit(unit.id);
  await ctx.audit('unit.removed', { campaignId: campaign.id, subject: { type: 'bargaining_unit', id: unit.id }, details: { name: unit.name, jobTitles: unit.jobTitles, appliesFrom: unit.appliesFrom } });
  return { id: unit.id, name: unit.name };
}
