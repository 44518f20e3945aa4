import type { WorksiteRow } from '../../db/repositories/campaigns-repository.js';
import { AppError, type FieldProblem } from '../../errors.js';
import type { CommandContext } from '../commands/command-context.js';
import { openCampaign } from '../policies/open-campaign.js';
import { refuseTakenName } from './setup-rules.js';

export type UpdateWorksiteInput = { slug: string; worksiteId: string; name?: string; city?: string | null; employerId?: string };

export const worksiteNotFound = (): AppError => new AppError('not_found', 'No such school in this campaign.');

/**
 * Changes a school after set-up: its name, city or employer. Cards already signed keep the school
 * and employer names they were signed with (they are a record of what the signer saw).
 */
export async function updateWorksite(ctx: CommandContext, input: UpdateWorksiteInput): Promise<WorksiteRow> {
  const campaign = await openCampaign(ctx, input.slug, 'campaign.manage');
  const before = await ctx.repos.campaigns.findWorksite(campaign.id, input.worksiteId);
  if (!before) throw worksiteNotFound();
  const problems: FieldProblem[] = [];
  const name = input.name?.trim();
  if (name === '') problems.push({ field: 'name', reason: 'is required' });
  if (input.employerId !== undefined && !(await ctx.repos.campaigns.findEmployer(campaign.id, input.employerId))) problems.push({ field: 'employerId', reason: 'is not an employer of this campaign' });
  if (problems.length > 0) throw new AppError('validation_failed', 'The school is not complete; nothing was changed.', problems);
  if (name !== undefined) refuseTakenName(name, await ctx.repos.campaigns.listWorksites(campaign.id), before.id, 'school');
  const city = input.city === undefined ? undefined : input.city?.trim() || null;
  const patch = { ...(name !== undefined ? { name } : {}), ...(city !== undefined ? { city } : {}), ...(input.employerId !== undefined ? { employerId: input.employerId } : {}) };
  const row = Object.keys(patch).length > 0 ? await ctx.repos.campaigns.updateWorksite(before.id, patch) : before;
  await ctx.audit('worksite.updated', {
    campaignId: campaign.id,
    subject: { type: 'worksite', id: row.id },
    details: { before: { name: before.name, city: before.city, employerId: before.employerId }, after: { name: row.name, city: row.city, employerId: row.employerId } },
  });
  return row;
}
