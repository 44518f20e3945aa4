import { majorityContract, type Dashboard, type Growth, type MajorityPage, type SupportFigures } from '../../contracts/majority.js';
import type { Majority } from '../../domain/majority/compute-majority.js';
import type { DisclosedFigures as Figures } from '../../domain/majority/disclose-support.js';
import type { MajorityPage as MajorityPageView } from '../../domain/majority/view-majority.js';
import type { DashboardView } from '../../domain/majority/view-dashboard.js';
import type { ShownGrowthRow } from '../../domain/majority/view-growth.js';

/** The numbers of a unit or school, in the API's casing (the domain's figures are shared with the filing packet). */
export function presentFigures(f: Figures): SupportFigures {
  const t = f.thresholds;
  return { eligible: f.eligible, validCards: f.valid_cards, percent: f.percent, thresholds: { showingOfInterest: t.showing_of_interest, majority: t.majority, goal: t.goal } };
}

export function presentMajorityPage(page: MajorityPageView): MajorityPage {
  const m = page.majority;
  return {
    asOf: m.asOf,
    source: m.source,
    goalPercent: m.goalPercent,
    validityMonths: m.validityMonths,
    units: page.units.map((u) => ({ id: u.id, name: u.name, ...presentFigures(u.figures) })),
    worksites: page.worksites.map((w) => ({ id: w.id, name: w.name, unitId: w.unitId, ...presentFigures(w.figures) })),
    worksitesTotal: page.worksitesTotal,
    limit: page.limit,
    offset: page.offset,
    disclosure: page.disclosure,
  };
}

// Today's numbers stay the same object while the counters do not change (computeMajority keeps
// them): each page of them is serialized once. At 10,000 schools, presenting, checking and
// serializing a page costs more than everything else the request does.
const serializedPages = new WeakMap<Majority, Map<string, string>>();

/**
 * A page as JSON text, checked against the contract exactly as the route's serializer would (a
 * field not in the contract never leaves); today's pages are kept for as long as today's numbers.
 */
export function serializeMajorityPage(page: MajorityPageView, query: string): string {
  // Two requesters read the same page only when they are given the same figures.
  const pageKey = `${query}|${page.disclosureKey}`;
  const cached = serializedPages.get(page.majority)?.get(pageKey);
  if (cached) return cached;
  const json = JSON.stringify(majorityContract.viewMajority.response.parse(presentMajorityPage(page)));
  if (page.majority.source === 'counters') {
    const pages = serializedPages.get(page.majority) ?? new Map<string, string>();
    if (pages.size >= 50) pages.clear();
    serializedPages.set(page.majority, pages.set(pageKey, json));
  }
  return json;
}

export function presentDashboard(d: DashboardView): Dashboard {
  return {
    asOf: d.asOf,
    eligible: d.eligible,
    worksites: d.worksites,
    validCards: d.validCards,
    schoolsWithSupporters: d.schoolsWithSupporters,
    goalPercent: d.goalPercent,
    units: d.units.map((u) => ({ id: u.id, name: u.name, ...presentFigures(u.figures) })),
    schools: d.schools.map((s) => ({ id: s.id, name: s.name, eligible: s.figures.eligible, validCards: s.figures.valid_cards, percent: s.figures.percent, majority: s.figures.thresholds.majority })),
    schoolsTotal: d.schoolsTotal,
    activity: d.activity,
    cardDates: d.cardDates,
    disclosure: d.disclosure,
  };
}

export function presentGrowth(g: { from: string; to: string; weeks: ShownGrowthRow[] }): Growth {
  return { from: g.from, to: g.to, weeks: g.weeks.map((w) => ({ weekStart: w.weekStart, weekEnd: w.weekEnd, supporters: w.supporters, schools: w.schools })) };
}
