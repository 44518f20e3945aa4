import { AppError } from '../../errors.js';
import type { CommandContext } from '../commands/command-context.js';
import { datedAggregate, disclosureFor, type Disclosure } from '../policies/aggregate-policy.js';
import { discloseCells, isSafeCount } from '../policies/small-cells.js';
import { summarizeLevels, type LevelCounts } from './assessment-levels.js';
import { resolveAsOf } from './resolve-as-of.js';

export type AssessmentSummary = {
  asOf: string;
  /** Null where the aggregate policy withholds the counts. */
  total: LevelCounts | null;
  units: { unitId: string; unitName: string; counts: LevelCounts | null }[];
  worksites: { worksiteId: string; worksiteName: string; counts: LevelCounts | null }[];
  disclosure: { totals: Disclosure; schools: Disclosure };
};

/** The people counted at each level: the breakdown whose every count must be 0 or at least 5. */
const levels = (c: LevelCounts): number[] => [c[1], c[2], c[3], c[4], c[5], c.unknown];

/**
 * Aggregates only (no names): counts per level, per unit and per worksite, as of a day, given as
 * the aggregate policy says (decision 0023). Organizers and admins get them exactly. Viewers get
 * them in cells of 5: a unit's or a school's counts only when each level counts nobody or at least
 * five people, and what the shown cells leave over from the total too. Committee members get the
 * people on their own list only (whose ratings they may read one by one), in cells of 5. Figures
 * per school for another day are for organizers and admins: compared with the day before, they
 * told a committee member two coworkers' ratings.
 */
export async function summarizeAssessments(ctx: CommandContext, input: { slug: string; asOf?: string }): Promise<AssessmentSummary> {
  const { campaign, actor, accountId } = await ctx.authorize(input.slug, 'dashboard.view');
  const asOf = resolveAsOf(ctx, campaign, input.asOf);
  const isToday = asOf.day === ctx.today(campaign);
  const disclosure = {
    totals: disclosureFor(actor.role, datedAggregate('assessments.totals', isToday)),
    schools: disclosureFor(actor.role, datedAggregate('assessments.schools', isToday)),
  };
  if (disclosure.totals === 'none' && disclosure.schools === 'none') throw new AppError('forbidden', 'Assessment figures for a day other than today are for organizers and admins.');
  const ownList = disclosure.totals === 'own-list' || disclosure.schools === 'own-list';
  const { organizing, campaigns } = ctx.repos;
  const rows = await organizing.assessmentSummary(campaign.id, asOf, ownList ? accountId : null);
  const sites = await campaigns.listWorksites(campaign.id);
  const units = await campaigns.listUnits(campaign.id);
  const summary = summarizeLevels(rows.map((r) => ({ unitId: r.unit_id, worksiteId: r.worksite_id, level: r.level, n: r.n })));

  const exact = disclosure.totals === 'exact' && disclosure.schools === 'exact';
  let unitShown = (_id: string): boolean => true;
  let siteShown = (_id: string): boolean => true;
  let totalShown = true;
  if (!exact) {
    totalShown = levels(summary.total).every(isSafeCount);
    const shownUnits = discloseCells([...summary.units].map(([id, c]) => ({ key: id, parts: new Map([['all', levels(c)]]) })));
    // A school is one cell across its units, checked against each unit's total and the campaign's.
    const perSite = new Map<string, Map<string, number[]>>();
    for (const r of rows) {
      const parts = perSite.get(r.worksite_id) ?? new Map<string, number[]>();
      for (const group of ['all', `unit:${r.unit_id}`]) {
        const v = parts.get(group) ?? [0, 0, 0, 0, 0, 0];
        const i = r.level !== null && r.level >= 1 && r.level <= 5 ? r.level - 1 : 5;
        v[i] = (v[i] ?? 0) + r.n;
        parts.set(group, v);
      }
      perSite.set(r.worksite_id, parts);
    }
    const shownSites = discloseCells([...perSite].map(([key, parts]) => ({ key, parts })));
    unitShown = (id) => shownUnits.has(id);
    siteShown = (id) => shownSites.has(id);
  }
  return {
    asOf: asOf.day,
    total: totalShown ? summary.total : null,
    units: units.flatMap((u) => {
      const counts = summary.units.get(u.id);
      return counts ? [{ unitId: u.id, unitName: u.name, counts: unitShown(u.id) ? counts : null }] : [];
    }),
    worksites:
      disclosure.schools === 'none'
        ? []
        : sites.flatMap((s) => {
            const counts = summary.worksites.get(s.id);
            return counts ? [{ worksiteId: s.id, worksiteName: s.name, counts: siteShown(s.id) ? counts : null }] : [];
          }),
    disclosure,
  };
}
