import type { UnitRow } from '../../db/repositories/campaigns-repository.js';
import { AppError } from '../../errors.js';
import type { CommandContext } from '../commands/command-context.js';
import { openCampaign } from '../policies/open-campaign.js';

/**
 * A bargaining unit: who the union would represent. Its job titles decide which new people a
 * roster import puts in it; `appliesFrom` is the day this description of the unit starts to hold.
 */
export async function addBargainingUnit(ctx: CommandContext, input: { slug: string; name: string; description?: string; jobTitles?: string[]; appliesFrom?: string }): Promise<UnitRow> {
  const campaign = await openCampaign(ctx, input.slug, 'campaign.manage');
  const name = input.name.trim();
  if (name === '') throw new AppError('validation_failed', 'The unit needs a name.', [{ field: 'name', reason: 'is required' }]);
  const units = await ctx.repos.campaigns.listUnits(campaign.id);
  if (units.some((u) => u.name.toLowerCase() === name.toLowerCase())) {
    throw new AppError('conflict', `The campaign already has a unit named "${name}".`, [{ field: 'name', reason: 'is already a unit of this campaign' }]);
  }
  const jobTitles: string[] = [];
  for (const raw of input.jobTitles ?? []) {
    const title = raw.trim();
    if (title !== '' && !jobTitles.some((t) => t.toLowerCase() === title.toLowerCase())) jobTitles.push(title);
  }
  const row = await ctx.repos.campaigns.createUnit({ campaignId: campaign.id, name, description: input.description?.trim() ?? '', jobTitles, appliesFrom: input.appliesFrom ?? null });
  await ctx.audit('unit.added', { campaignId: campaign.id, subject: { type: 'bargaining_unit', id: row.id }, details: { name, jobTitles, appliesFrom: row.appliesFrom } });
  return row;
}
