import { AppError, type FieldProblem } from '../../errors.js';
import type { CommandContext } from '../commands/command-context.js';
import { openCampaign } from '../policies/open-campaign.js';
import type { WorksiteLine } from './parse-worksite-list.js';

export type AddedWorksite = { id: string; name: string; city: string | null; employerId: string };

/**
 * Adds schools, one or many (a pasted list): each names its employer, or the campaign's only
 * employer is taken. All or nothing: one bad line refuses the lot, naming the line, so a list is
 * never half in.
 */
export async function addWorksites(ctx: CommandContext, input: { slug: string; worksites: WorksiteLine[] }): Promise<AddedWorksite[]> {
  const campaign = await openCampaign(ctx, input.slug, 'campaign.manage');
  const employers = await ctx.repos.campaigns.listEmployers(campaign.id);
  const existing = await ctx.repos.campaigns.listWorksites(campaign.id);
  const taken = new Set(existing.map((w) => w.name.toLowerCase()));
  const problems: FieldProblem[] = [];
  const rows: { campaignId: string; employerId: string; name: string; city: string | null }[] = [];
  if (input.worksites.length === 0) problems.push({ field: 'worksites', reason: 'has no school in it' });
  input.worksites.forEach((line, i) => {
    const name = line.name.trim();
    if (name === '') return problems.push({ field: `worksites.${i}.name`, reason: 'is required' });
    if (taken.has(name.toLowerCase())) return problems.push({ field: `worksites.${i}.name`, reason: `"${name}" is already a school of this campaign (or twice in the list)` });
    taken.add(name.toLowerCase());
    const wanted = line.employer?.trim().toLowerCase();
    const employer = wanted ? employers.find((e) => e.name.toLowerCase() === wanted || e.id === line.employer) : employers.length === 1 ? employers[0] : undefined;
    if (!employer) {
      return problems.push({
        field: `worksites.${i}.employer`,
        reason: employers.length === 0 ? 'add an employer first' : wanted ? `"${line.employer ?? ''}" is not an employer of this campaign` : 'is required when the campaign has several employers',
      });
    }
    rows.push({ campaignId: campaign.id, employerId: employer.id, name, city: line.city?.trim() || null });
  });
  if (problems.length > 0) throw new AppError('validation_failed', 'Some schools could not be added; none were.', problems);
  const created = await ctx.repos.campaigns.createWorksites(rows);
  await ctx.audit('worksites.added', { campaignId: campaign.id, details: { count: created.length, names: created.map((w) => w.name) } });
  return created.map((w) => ({ id: w.id, name: w.name, city: w.city, employerId: w.employerId }));
}
