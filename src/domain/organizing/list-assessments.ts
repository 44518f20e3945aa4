import type { CommandContext } from '../commands/command-context.js';
import { limitedToOwnList, visibleWorksites } from '../policies/campaign-policy.js';
import { resolveAsOf } from './resolve-as-of.js';

export type AssessedPerson = {
  personId: string;
  name: string;
  worksiteId: string;
  worksiteName: string;
  jobTitle: string;
  level: number | null;
  note: string | null;
  assessedBy: string | null;
  assessedAt: Date | null;
};

export type ListAssessmentsInput = { slug: string; asOf?: string; worksiteId?: string; level?: number | 'unknown' };

/**
 * Each person's latest rating as of a day, among the people the requester may see (committee
 * members: their own list); the view is audited before it leaves.
 */
export async function listAssessments(ctx: CommandContext, input: ListAssessmentsInput): Promise<{ asOf: string; people: AssessedPerson[] }> {
  const { campaign, actor, accountId } = await ctx.authorize(input.slug, 'assessments.view');
  const asOf = resolveAsOf(ctx, campaign, input.asOf);
  const listAccountId = limitedToOwnList(actor, 'assessments.view') ? accountId : null;
  const rows = await ctx.repos.organizing.latestAssessments(campaign.id, visibleWorksites(actor, 'assessments.view'), asOf, { worksiteId: input.worksiteId, level: input.level, listAccountId });
  await ctx.audit('assessments.list_viewed', { details: { view: 'list', asOf: asOf.day, worksite: input.worksiteId ?? null, level: input.level === undefined ? null : String(input.level), count: rows.length } });
  return {
    asOf: asOf.day,
    people: rows.map((r) => ({
      personId: r.person_id,
      name: `${r.given_name} ${r.family_name}`,
      worksiteId: r.worksite_id,
      worksiteName: r.worksite_name,
      jobTitle: r.job_title,
      level: r.level,
      note: r.note,
      assessedBy: r.assessed_by_name,
      assessedAt: r.assessed_at ? new Date(r.assessed_at) : null,
    })),
  };
}
