import { AppError } from '../../errors.js';
import type { CommandContext } from '../commands/command-context.js';
import { openCampaign } from '../policies/open-campaign.js';
import { count } from './setup-rules.js';
import { employerNotFound } from './update-employer.js';

/**
 * Removes an employer entered by mistake. Refused while it still has schools (their people and
 * cards go through them), naming them: move or remove the schools first.
 */
export async function removeEmployer(ctx: CommandContext, input: { slug: string; employerId: string }): Promise<{ id: string; name: string }> {
  const campaign = await openCampaign(ctx, input.slug, 'campaign.manage');
  const employer = await ctx.repos.campaigns.findEmployer(campaign.id, input.employerId);
  if (!employer) throw employerNotFound();
  const schools = await ctx.repos.campaigns.worksiteNamesOfEmployer(employer.id);
  if (schools.length > 0) {
    const named = schools.slice(0, 5).join(', ') + (schools.length > 5 ? `, and ${schools.length - 5} more` : '');
    throw new AppError('in_use', `"${employer.name}" still has ${count(schools.length, 'school', 'schools')} (${named}): give them another employer or remove them first. Nothing was removed.`, [
      { field: 'worksites', reason: `${count(schools.length, 'school still belongs', 'schools still belong')} to this employer: ${named}` },
    ]);
  }
  await ctx.repos.campaigns.deleteEmployer(employer.id);
  await ctx.audit('employer.removed', { campaignId: campaign.id, subject: { type: 'employer', id: employer.id }, details: { name: employer.name, jurisdiction: employer.jurisdiction, emailDomains: employer.emailDomains } });
  return { id: employer.id, name: employer.name };
}
