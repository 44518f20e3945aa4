import { addDays } from '../calendar.js';
import type { CommandContext } from '../commands/command-context.js';
import { disclosureFor } from '../policies/aggregate-policy.js';
import { safeCount } from '../policies/small-cells.js';
import { computeMajority } from './compute-majority.js';
import { discloseSupport, figuresAsShown, isExact, type DisclosedFigures, type DisclosedSupport } from './disclose-support.js';
import { sortBySupport, type SupportSort } from './sort-by-support.js';
import { supportFigures } from './thresholds.js';
import type { ShownUnit } from './view-majority.js';

/** Counts for the last 7 or 30 days; a count withheld by the aggregate policy is null. */
export type ActivityCounts = { cardsSigned: number | null; paperCards: number | null; schools: number; revocations: number | null; awaitingReview: number | null; awaitingVerification: number | null };
export type SchoolSupport = { id: string; name: string; figures: DisclosedFigures };

export type DashboardView = {
  asOf: string;
  goalPercent: number;
  /** People in a unit on the day, and those of them with a valid card (null when withheld). */
  eligible: number;
  validCards: number | null;
  /** Schools with people in a unit, and those with at least one supporter. */
  worksites: number;
  schoolsWithSupporters: number;
  units: ShownUnit[];
  /** One page of the schools, each counted across its units. */
  schools: SchoolSupport[];
  schoolsTotal: number;
  /** Campaign-wide activity; null for requesters who do not get it. */
  activity: { last7Days: ActivityCounts; last30Days: ActivityCounts } | null;
  cardDates: { first: string | null; last: string | null } | null;
  disclosure: DisclosedSupport['disclosure'];
};

/**
 * The dashboard's numbers in one call: totals, a thermometer per unit, a row per school (all its
 * units together), and campaign-wide activity for the last 7 and 30 days. Nobody is named, and
 * each figure is given as the aggregate policy says (the same schools are hidden as on the
 * majority page, so neither can be read off the other).
 */
export async function viewDashboard(ctx: CommandContext, input: SupportSort & { slug: string; asOf?: string; limit: number; offset: number }): Promise<DashboardView> {
  const { campaign, actor } = await ctx.authorize(input.slug, 'dashboard.view');
  const { support } = ctx.repos;
  const full = await computeMajority(ctx, campaign, input.asOf);
  const d = discloseSupport(full, actor, ctx.today(campaign));
  const exact = isExact(d);
  const m = d.majority;
  const perSchool = new Map<string, { id: string; name: string; eligible: number; valid: number }>();
  for (const w of m.worksites) {
    const s = perSchool.get(w.id) ?? { id: w.id, name: w.name, eligible: 0, valid: 0 };
    s.eligible += w.figures.eligible;
    s.valid += w.figures.valid_cards;
    perSchool.set(w.id, s);
  }
  const counted = [...perSchool.values()].map((s) => ({ id: s.id, name: s.name, figures: supportFigures(s.eligible, s.valid, m.goalPercent) }));
  const schools = d.disclosure.schools === 'none' ? [] : counted.map((s) => ({ ...s, figures: exact ? s.figures : figuresAsShown(s.figures, d.schoolShown(s.id)) }));

  const activityGrant = disclosureFor(actor.role, 'support.activity');
  const waitingGrant = disclosureFor(actor.role, 'cards.waiting');
  const datesGrant = disclosureFor(actor.role, 'support.cardDates');
  // One connection per command: the queries go one after another (decision 0017).
  const week = activityGrant === 'none' ? null : await support.activity(campaign.id, addDays(m.asOf, -6), m.asOf);
  const month = activityGrant === 'none' ? null : await support.activity(campaign.id, addDays(m.asOf, -29), m.asOf);
  const cardDates = datesGrant === 'none' ? null : await support.cardDateRange(campaign.id);
  const count = (n: number) => (activityGrant === 'exact' ? n : safeCount(n));
  const shownActivity = (a: NonNullable<typeof week>): ActivityCounts => ({
    cardsSigned: count(a.cardsSigned),
    paperCards: count(a.paperCards),
    schools: a.schools,
    revocations: count(a.revocations),
    awaitingReview: waitingGrant === 'none' ? null : a.awaitingReview,
    awaitingVerification: waitingGrant === 'none' ? null : a.awaitingVerification,
  });
  const validCards = m.units.reduce((n, u) => n + u.figures.valid_cards, 0);
  return {
    asOf: m.asOf,
    goalPercent: m.goalPercent,
    eligible: m.units.reduce((n, u) => n + u.figures.eligible, 0),
    validCards: exact || d.totalShown ? validCards : null,
    worksites: counted.filter((s) => s.figures.eligible > 0).length,
    schoolsWithSupporters: counted.filter((s) => s.figures.valid_cards > 0).length,
    units: exact ? m.units : m.units.map((u) => ({ ...u, figures: figuresAsShown(u.figures, d.unitShown(u.id)) })),
    schools: sortBySupport(schools, input).slice(input.offset, input.offset + input.limit),
    schoolsTotal: schools.length,
    activity: week && month ? { last7Days: shownActivity(week), last30Days: shownActivity(month) } : null,
    cardDates,
    disclosure: d.disclosure,
  };
}
