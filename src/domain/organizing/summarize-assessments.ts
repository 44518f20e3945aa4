import type { CommandContext } from '../commands/command-context.js';
import { summarizeLevels, type LevelCounts } from './assessment-levels.js';
import { resolveAsOf } from './resolve-as-of.js';

export type AssessmentSummary = {
  asOf: string;
  total: LevelCounts;
  units: { unitId: string; unitName: string; counts: LevelCounts }[];
  worksites: { worksiteId: string; worksiteName: string; counts: LevelCounts }[];
};

/** Aggregates only (no names): counts per level, per unit and per worksite, as of a day. */
export async function summarizeAssessments(ctx: CommandContext, input: { slug: string; asOf?: string }): Promise<AssessmentSummary> {
  const { campaign } = await ctx.authorize(input.slug, 'dashboard.view');
  const asOf = resolveAsOf(ctx, campaign, input.asOf);
  const { organizing, campaigns } = ctx.repos;
  const [rows, sites, units] = await Promise.all([organizing.assessmentSummary(campaign.id, asOf), campaigns.listWorksites(campaign.id), campaigns.listUnits(campaign.id)]);
  const summary = summarizeLevels(rows.map((r) => ({ unitId: r.unit_id, worksiteId: r.worksite_id, level: r.level, n: r.n })));
  return {
    asOf: asOf.day,
    total: summary.total,
    units: units.flatMap((u) => {
      const counts = summary.units.get(u.id);
      return counts ? [{ unitId: u.id, unitName: u.name, counts }] : [];
    }),
    worksites: sites.flatMap((s) => {
      const counts = summary.worksites.get(s.id);
      return counts ? [{ worksiteId: s.id, worksiteName: s.name, counts }] : [];
    }),
  };
}
