import type { UnitRow } from '../../db/repositories/campaigns-repository.js';
import { AppError } from '../../errors.js';
import type { Day } from '../calendar.js';
import type { CommandContext } from '../commands/command-context.js';
import { openCampaign } from '../policies/open-campaign.js';
import { cleanJobTitles, refuseTakenName } from './setup-rules.js';

export type UpdateBargainingUnitInput = { slug: string; unitId: string; name?: string; description?: string; jobTitles?: string[]; appliesFrom?: Day | null };

export const unitNotFound = (): AppError => new AppError('not_found', 'No such bargaining unit in this campaign.');

/** Changes a bargaining unit after set-up: its name, description, job titles or the day it applies from. */
export async function updateBargainingUnit(ctx: CommandContext, input: UpdateBargainingUnitInput): Promise<UnitRow> {
  const campaign = await openCampaign(ctx, input.slug, 'campaign.manage');
  const before = await ctx.repos.campaigns.findUnit(campaign.id, input.unitId);
  if (!before) throw unitNotFound();
  const name = input.name?.trim();
  if (name === '') throw new AppError('validation_failed', 'The unit needs a name; nothing was changed.', [{ field: 'name', reason: 'is required' }]);
  if (name !== undefined) refuseTakenName(name, await ctx.repos.campaigns.listUnits(campaign.id), before.id, 'unit');
  const patch = {
    ...(name !== undefined ? { name } : {}),
    ...(input.description !== undefined ? { description: input.description.trim() } : {}),
    ...(input.jobTitles !== undefined ? { jobTitles: cleanJobTitles(input.jobTitles) } : {}),
    ...(input.appliesFrom !== undefined ? { appliesFrom: input.appliesFrom } : {}),
  };
  const row = Object.keys(patch).length > 0 ? await ctx.repos.campaigns.updateUnit(before.id, patch) : before;
  await ctx.audit('unit.updated', {
    campaignId: campaign.id,
    subject: { type: 'bargaining_unit', id: row.id },
    details: { before: { name: before.name, jobTitles: before.jobTitles, appliesFrom: before.appliesFrom }, after: { name: row.name, jobTitles: row.jobTitles, appliesFrom: row.appliesFrom } },
  });
  return row;
}
