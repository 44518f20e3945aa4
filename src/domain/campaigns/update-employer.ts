import type { EmployerSetupRow } from '../../db/repositories/campaigns-repository.js';
import { AppError, type FieldProblem } from '../../errors.js';
import type { Jurisdiction } from '../../vocabulary/campaigns.js';
import type { CommandContext } from '../commands/command-context.js';
import { openCampaign } from '../policies/open-campaign.js';
import { cleanEmailDomains, refuseTakenName } from './setup-rules.js';

export type UpdateEmployerInput = { slug: string; employerId: string; name?: string; jurisdiction?: Jurisdiction; emailDomains?: string[] };

export const employerNotFound = (): AppError => new AppError('not_found', 'No such employer in this campaign.');

/** Changes an employer after set-up: its name, where its workers file, the email domains it controls. */
export async function updateEmployer(ctx: CommandContext, input: UpdateEmployerInput): Promise<EmployerSetupRow> {
  const campaign = await openCampaign(ctx, input.slug, 'campaign.manage');
  const before = await ctx.repos.campaigns.findEmployer(campaign.id, input.employerId);
  if (!before) throw employerNotFound();
  const problems: FieldProblem[] = [];
  const name = input.name?.trim();
  if (name === '') problems.push({ field: 'name', reason: 'is required' });
  const emailDomains = input.emailDomains ? cleanEmailDomains(input.emailDomains, problems) : undefined;
  if (problems.length > 0) throw new AppError('validation_failed', 'The employer is not complete; nothing was changed.', problems);
  if (name !== undefined) refuseTakenName(name, await ctx.repos.campaigns.listEmployers(campaign.id), before.id, 'employer');
  const patch = { ...(name !== undefined ? { name } : {}), ...(input.jurisdiction ? { jurisdiction: input.jurisdiction } : {}), ...(emailDomains ? { emailDomains } : {}) };
  const row = Object.keys(patch).length > 0 ? await ctx.repos.campaigns.updateEmployer(before.id, patch) : before;
  await ctx.audit('employer.updated', {
    campaignId: campaign.id,
    subject: { type: 'employer', id: row.id },
    details: { before: { name: before.name, jurisdiction: before.jurisdiction, emailDomains: before.emailDomains }, after: { name: row.name, jurisdiction: row.jurisdiction, emailDomains: row.emailDomains } },
  });
  return row;
}
