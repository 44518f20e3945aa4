import type { EmployerSetupRow } from '../../db/repositories/campaigns-repository.js';
import { AppError, type FieldProblem } from '../../errors.js';
import type { Jurisdiction } from '../../vocabulary/campaigns.js';
import type { CommandContext } from '../commands/command-context.js';
import { openCampaign } from '../policies/open-campaign.js';
import { cleanEmailDomains, refuseTakenName } from './setup-rules.js';

/**
 * An employer of the campaign's workers, with where its workers file (PERB or the NLRB) and the
 * email domains it controls: the card form refuses confirmations to them, since the employer
 * reads that mail.
 */
export async function addEmployer(ctx: CommandContext, input: { slug: string; name: string; jurisdiction?: Jurisdiction; emailDomains?: string[] }): Promise<EmployerSetupRow> {
  const campaign = await openCampaign(ctx, input.slug, 'campaign.manage');
  const name = input.name.trim();
  const problems: FieldProblem[] = [];
  if (name === '') problems.push({ field: 'name', reason: 'is required' });
  const domains = cleanEmailDomains(input.emailDomains ?? [], problems);
  if (problems.length > 0) throw new AppError('validation_failed', 'The employer is not complete.', problems);
  refuseTakenName(name, await ctx.repos.campaigns.listEmployers(campaign.id), null, 'employer');
  const row = await ctx.repos.campaigns.createEmployer({ campaignId: campaign.id, name, jurisdiction: input.jurisdiction ?? campaign.jurisdiction, emailDomains: domains });
  await ctx.audit('employer.added', { campaignId: campaign.id, subject: { type: 'employer', id: row.id }, details: { name, jurisdiction: row.jurisdiction, emailDomains: domains } });
  return row;
}
