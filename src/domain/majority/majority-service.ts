import type { CampaignRow, CampaignsRepository } from '../../db/repositories/campaigns-repository.js';
import type { SupportRepository, SupportRow } from '../../db/repositories/support-repository.js';
import { addDays, dayOf } from '../calendar.js';
import { supportFigures, type SupportFigures } from './thresholds.js';

type Deps = { support: SupportRepository; campaigns: CampaignsRepository; now: () => Date };

export type UnitFigures = SupportFigures & { id: string; name: string };
export type WorksiteFigures = SupportFigures & { id: string; name: string; unit_id: string };

export type Majority = {
  as_of: string;
  /** 'counters' for today (kept current as cards and roster change), 'computed' for other dates. */
  source: 'counters' | 'computed';
  goal_percent: number;
  validity_months: number;
  units: UnitFigures[];
  worksites: WorksiteFigures[];
};

export const worksiteSorts = ['name', 'percent', 'eligible', 'valid_cards'] as const;
export type PageQuery = {
  asOf?: string;
  unitId?: string;
  sort: (typeof worksiteSorts)[number];
  order: 'asc' | 'desc';
  limit: number;
  offset: number;
};

// Code-point order: stable and fast at 10,000 names (the UI may re-sort a page by locale).
function byName(a: WorksiteFigures, b: WorksiteFigures): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : a.unit_id < b.unit_id ? -1 : a.unit_id > b.unit_id ? 1 : 0;
}

/** The page of worksites a query asks for, with the total to page through. */
export function pageOf(m: Majority, q: PageQuery) {
  let sites = q.unitId ? m.worksites.filter((w) => w.unit_id === q.unitId) : m.worksites;
  if (q.sort !== 'name' || q.order === 'desc') {
    const dir = q.order === 'asc' ? 1 : -1;
    const key = q.sort;
    sites = [...sites].sort((a, b) => (key === 'name' ? byName(a, b) : a[key] - b[key] || byName(a, b)) * dir);
  }
  return { ...m, worksites: sites.slice(q.offset, q.offset + q.limit), worksites_total: sites.length, limit: q.limit, offset: q.offset };
}

export function createMajorityService(deps: Deps) {
  const { support, campaigns, now } = deps;
  const today = (campaign: CampaignRow): string => dayOf(now(), campaign.timeZone);

  // Today's answer per campaign, kept in this process while the counters' version (bumped by every
  // recount and by any change to worksites or units) and the campaign's rules stay the same: at
  // 10,000 worksites, building and serializing the rows costs more than reading the counters.
  const cache = new Map<string, { key: string; majority: Majority; pages: Map<string, string> }>();

  async function build(campaign: CampaignRow, asOf: string, rows: SupportRow[], source: Majority['source']): Promise<Majority> {
    const [units, worksites] = await Promise.all([campaigns.listUnits(campaign.id), campaigns.listWorksites(campaign.id)]);
    const goal = campaign.goalPercent;
    const siteNames = new Map(worksites.map((w) => [w.id, w.name]));
    const totals = new Map<string, { eligible: number; valid: number }>();
    for (const r of rows) {
      const t = totals.get(r.unitId) ?? { eligible: 0, valid: 0 };
      t.eligible += r.eligible;
      t.valid += r.validCards;
      totals.set(r.unitId, t);
    }
    return {
      as_of: asOf,
      source,
      goal_percent: goal,
      validity_months: campaign.cardValidityMonths,
      units: units.map((u) => {
        const t = totals.get(u.id) ?? { eligible: 0, valid: 0 };
        return { id: u.id, name: u.name, ...supportFigures(t.eligible, t.valid, goal) };
      }),
      worksites: rows
        .map((r) => ({ id: r.worksiteId, name: siteNames.get(r.worksiteId) ?? '', unit_id: r.unitId, ...supportFigures(r.eligible, r.validCards, goal) }))
        .sort(byName),
    };
  }

  async function majority(campaign: CampaignRow, asOfInput?: string): Promise<Majority> {
    const asOf = asOfInput ?? today(campaign);
    if (asOf !== today(campaign)) return build(campaign, asOf, await support.asOf(campaign.id, asOf, campaign.cardValidityMonths), 'computed');
    const version = await support.ensureCurrent(campaign.id, asOf, campaign.cardValidityMonths);
    const key = `${asOf}|${version}|${campaign.goalPercent}|${campaign.cardValidityMonths}`;
    const hit = cache.get(campaign.id);
    if (hit?.key === key) return hit.majority;
    const built = await build(campaign, asOf, await support.counters(campaign.id), 'counters');
    cache.set(campaign.id, { key, majority: built, pages: new Map() });
    return built;
  }

  return {
    today,

    /** Per unit and per worksite: eligible, valid cards, percent and the three thresholds. */
    majority,

    /**
     * One page of it as JSON text: every unit, and the worksites filtered, sorted and paged (10,000
     * schools do not fit one screen or one quick response). Today's pages are cached per version.
     */
    async majorityPageJson(campaign: CampaignRow, query: PageQuery): Promise<string> {
      const m = await majority(campaign, query.asOf);
      const pageKey = JSON.stringify([query.unitId ?? null, query.sort, query.order, query.limit, query.offset]);
      const entry = m.source === 'counters' ? cache.get(campaign.id) : undefined;
      const cached = entry?.majority === m ? entry.pages.get(pageKey) : undefined;
      if (cached) return cached;
      const json = JSON.stringify(pageOf(m, query));
      if (entry?.majority === m) {
        if (entry.pages.size >= 50) entry.pages.clear();
        entry.pages.set(pageKey, json);
      }
      return json;
    },

    /** Weekly supporters and schools with supporters, from the first card (or `from`) to `to`. */
    async growth(campaign: CampaignRow, range: { from?: string; to?: string }) {
      const to = range.to ?? today(campaign);
      const first = range.from ?? (await support.firstCardDate(campaign.id)) ?? addDays(to, -7 * 12);
      // At most five years of weeks: a chart, not a data dump.
      const from = first < addDays(to, -7 * 260) ? addDays(to, -7 * 260) : first > to ? to : first;
      const weeks = await support.growth(campaign.id, from, to, campaign.cardValidityMonths);
      return { from, to, weeks: weeks.map((w) => ({ week_start: w.weekStart, week_end: w.weekEnd, supporters: w.supporters, schools: w.schools })) };
    },

    /** Campaign-wide counts for the last 7 and 30 days up to `asOf`: nobody is named. */
    async activity(campaign: CampaignRow, asOf: string) {
      const [week, month] = await Promise.all([support.activity(campaign.id, addDays(asOf, -6), asOf), support.activity(campaign.id, addDays(asOf, -29), asOf)]);
      return { last_7_days: week, last_30_days: month };
    },
  };
}

export type MajorityService = ReturnType<typeof createMajorityService>;
