import type { CampaignRow } from '../../db/repositories/campaigns-repository.js';
import type { SupportRow } from '../../db/repositories/support-repository.js';
import type { CommandContext } from '../commands/command-context.js';
import { supportFigures, type SupportFigures } from './thresholds.js';

export type UnitSupport = { id: string; name: string; figures: SupportFigures };
export type WorksiteSupport = { id: string; name: string; unitId: string; figures: SupportFigures };

/** The support numbers of a campaign on a day: per bargaining unit, and per school within a unit. */
export type Majority = {
  asOf: string;
  /** 'counters' for today (kept current as cards and roster change), 'computed' for other dates. */
  source: 'counters' | 'computed';
  goalPercent: number;
  validityMonths: number;
  units: UnitSupport[];
  /** In name order (code points), then unit. */
  worksites: WorksiteSupport[];
};

// Today's answer per campaign, kept in this process while the counters' version (bumped by every
// recount and by any change to worksites or units) and the campaign's rules stay the same: at
// 10,000 worksites, building the rows costs more than reading the counters. Campaign ids are
// random UUIDs and the key holds everything the answer depends on, so a hit is always current.
const todays = new Map<string, { key: string; majority: Majority }>();

// Other days' answers (the filing date above all, read again and again while a petition is
// prepared), under the same kind of key: a past day's numbers change only when a card, a
// verification, a revocation or an employment changes, and each of those marks its worksites
// dirty, which the next ensureCurrent() turns into a new version. Computing one at a million
// employees takes seconds (a keyed pseudonym per person, decision 0045); reading it here takes
// none. Least recently used first out; a few days per campaign is what organizers look at.
const PAST_DAYS_KEPT = 32;
const pastDays = new Map<string, { key: string; majority: Majority }>();

function rememberPastDay(entry: string, key: string, majority: Majority): void {
  pastDays.delete(entry);
  pastDays.set(entry, { key, majority });
  if (pastDays.size > PAST_DAYS_KEPT) pastDays.delete(pastDays.keys().next().value ?? entry);
}

/**
 * The campaign's numbers on `asOf` (its today by default). Today's come from the counters, which
 * are brought current first; any other day is computed from the tables by the same rules.
 * The caller has checked the policy.
 */
export async function computeMajority(ctx: CommandContext, campaign: CampaignRow, asOfInput?: string): Promise<Majority> {
  const { support } = ctx.repos;
  const today = ctx.today(campaign);
  const asOf = asOfInput ?? today;
  // Today's counters brought current give the version every answer is kept under.
  const version = await support.ensureCurrent(campaign.id, today, campaign.cardValidityMonths);
  const key = `${asOf}|${version}|${campaign.goalPercent}|${campaign.cardValidityMonths}`;
  if (asOf !== today) {
    const entry = `${campaign.id}|${asOf}`;
    const kept = pastDays.get(entry);
    if (kept?.key === key) {
      rememberPastDay(entry, key, kept.majority);
      return kept.majority;
    }
    const computed = await build(ctx, campaign, asOf, await support.asOf(campaign.id, asOf, campaign.cardValidityMonths), 'computed');
    rememberPastDay(entry, key, computed);
    return computed;
  }
  const hit = todays.get(campaign.id);
  if (hit?.key === key) return hit.majority;
  const built = await build(ctx, campaign, asOf, await support.counters(campaign.id), 'counters');
  todays.set(campaign.id, { key, majority: built });
  return built;
}

async function build(ctx: CommandContext, campaign: CampaignRow, asOf: string, rows: SupportRow[], source: Majority['source']): Promise<Majority> {
  // One after another: inside a command both queries would share one connection anyway.
  const units = await ctx.repos.campaigns.listUnits(campaign.id);
  const worksites = await ctx.repos.campaigns.listWorksites(campaign.id);
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
    asOf,
    source,
    goalPercent: goal,
    validityMonths: campaign.cardValidityMonths,
    units: units.map((u) => {
      const t = totals.get(u.id) ?? { eligible: 0, valid: 0 };
      return { id: u.id, name: u.name, figures: supportFigures(t.eligible, t.valid, goal) };
    }),
    worksites: rows.map((r) => ({ id: r.worksiteId, name: siteNames.get(r.worksiteId) ?? '', unitId: r.unitId, figures: supportFigures(r.eligible, r.validCards, goal) })).sort(byNameThenUnit),
  };
}

// Code-point order: stable and fast at 10,000 names (the app may re-sort a page by locale).
function byNameThenUnit(a: WorksiteSupport, b: WorksiteSupport): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : a.unitId < b.unitId ? -1 : a.unitId > b.unitId ? 1 : 0;
}
