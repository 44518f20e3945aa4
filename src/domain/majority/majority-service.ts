import type { CampaignRow, CampaignsRepository } from '../../db/repositories/campaigns-repository.js';
import type { SupportRepository, SupportRow } from '../../db/repositories/support-repository.js';
import { addDays, localDateOf } from '../cards/card-dates.js';
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

export function createMajorityService(deps: Deps) {
  const { support, campaigns, now } = deps;
  const today = (campaign: CampaignRow): string => localDateOf(now(), campaign.timeZone);

  async function rowsFor(campaign: CampaignRow, asOf: string): Promise<{ rows: SupportRow[]; source: Majority['source'] }> {
    if (asOf === today(campaign)) return { rows: await support.current(campaign.id, asOf, campaign.cardValidityMonths), source: 'counters' };
    return { rows: await support.asOf(campaign.id, asOf, campaign.cardValidityMonths), source: 'computed' };
  }

  return {
    today,

    /** Per unit and per worksite: eligible, valid cards, percent and the three thresholds. */
    async majority(campaign: CampaignRow, asOfInput?: string): Promise<Majority> {
      const asOf = asOfInput ?? today(campaign);
      const [{ rows, source }, units, worksites] = await Promise.all([rowsFor(campaign, asOf), campaigns.listUnits(campaign.id), campaigns.listWorksites(campaign.id)]);
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
          .sort((a, b) => a.name.localeCompare(b.name) || a.unit_id.localeCompare(b.unit_id)),
      };
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
