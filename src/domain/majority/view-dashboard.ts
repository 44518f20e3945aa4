import { addDays } from '../calendar.js';
import type { CommandContext } from '../commands/command-context.js';
import { computeMajority, type UnitSupport } from './compute-majority.js';
import { sortBySupport, type SupportSort } from './sort-by-support.js';
import { supportFigures, type SupportFigures } from './thresholds.js';

export type ActivityCounts = { cardsSigned: number; paperCards: number; schools: number; revocations: number; awaitingReview: number };
export type SchoolSupport = { id: string; name: string; figures: SupportFigures };

export type DashboardView = {
  asOf: string;
  goalPercent: number;
  /** People in a unit on the day, and those of them with a valid card. */
  eligible: number;
  validCards: number;
  /** Schools with people in a unit, and those with at least one supporter. */
  worksites: number;
  schoolsWithSupporters: number;
  units: UnitSupport[];
  /** One page of the schools, each counted across its units. */
  schools: SchoolSupport[];
  schoolsTotal: number;
  activity: { last7Days: ActivityCounts; last30Days: ActivityCounts };
  cardDates: { first: string | null; last: string | null };
};

/**
 * The dashboard's numbers in one call: totals, a thermometer per unit, a row per school (all its
 * units together), and campaign-wide activity for the last 7 and 30 days. Nobody is named.
 */
export async function viewDashboard(ctx: CommandContext, input: SupportSort & { slug: string; asOf?: string; limit: number; offset: number }): Promise<DashboardView> {
  const { campaign } = await ctx.authorize(input.slug, 'dashboard.view');
  const { support } = ctx.repos;
  const m = await computeMajority(ctx, campaign, input.asOf);
  const perSchool = new Map<string, { id: string; name: string; eligible: number; valid: number }>();
  for (const w of m.worksites) {
    const s = perSchool.get(w.id) ?? { id: w.id, name: w.name, eligible: 0, valid: 0 };
    s.eligible += w.figures.eligible;
    s.valid += w.figures.valid_cards;
    perSchool.set(w.id, s);
  }
  const schools = [...perSchool.values()].map((s) => ({ id: s.id, name: s.name, figures: supportFigures(s.eligible, s.valid, m.goalPercent) }));
  const [week, month, cardDates] = await Promise.all([
    support.activity(campaign.id, addDays(m.asOf, -6), m.asOf),
    support.activity(campaign.id, addDays(m.asOf, -29), m.asOf),
    support.cardDateRange(campaign.id),
  ]);
  return {
    asOf: m.asOf,
    goalPercent: m.goalPercent,
    eligible: m.units.reduce((n, u) => n + u.figures.eligible, 0),
    validCards: m.units.reduce((n, u) => n + u.figures.valid_cards, 0),
    worksites: schools.filter((s) => s.figures.eligible > 0).length,
    schoolsWithSupporters: schools.filter((s) => s.figures.valid_cards > 0).length,
    units: m.units,
    schools: sortBySupport(schools, input).slice(input.offset, input.offset + input.limit),
    schoolsTotal: schools.length,
    activity: { last7Days: week, last30Days: month },
    cardDates,
  };
}
