import type { CommandContext } from '../commands/command-context.js';
import { computeMajority, type Majority } from './compute-majority.js';
import { discloseSupport, figuresAsShown, isExact, type DisclosedFigures, type DisclosedSupport } from './disclose-support.js';
import { sortBySupport, type SupportSort } from './sort-by-support.js';

export type ViewMajorityInput = SupportSort & { slug: string; asOf?: string; unitId?: string; limit: number; offset: number };
export type ShownUnit = { id: string; name: string; figures: DisclosedFigures };
export type ShownWorksite = { id: string; name: string; unitId: string; figures: DisclosedFigures };
export type MajorityPage = {
  majority: Majority;
  units: ShownUnit[];
  worksites: ShownWorksite[];
  worksitesTotal: number;
  limit: number;
  offset: number;
  disclosure: DisclosedSupport['disclosure'];
  /** Requesters with the same key read the same page (serialized pages are cached by it). */
  disclosureKey: string;
};

/**
 * Every unit's numbers, and one page of the schools, filtered by unit and sorted (10,000 schools do
 * not fit one screen or one quick response). Aggregates only, as the aggregate policy gives them:
 * organizers and admins exactly; committee members their own schools, viewers the campaign, in
 * cells of at least 5; per-school figures of another day to organizers and admins only.
 */
export async function viewMajority(ctx: CommandContext, input: ViewMajorityInput): Promise<MajorityPage> {
  const { campaign, actor } = await ctx.authorize(input.slug, 'dashboard.view');
  const full = await computeMajority(ctx, campaign, input.asOf);
  const d = discloseSupport(full, actor, ctx.today(campaign));
  const exact = isExact(d);
  const m = d.majority;
  const units = exact ? m.units : m.units.map((u) => ({ ...u, figures: figuresAsShown(u.figures, d.unitShown(u.id)) }));
  const all = d.disclosure.schools === 'none' ? [] : exact ? m.worksites : m.worksites.map((w) => ({ ...w, figures: figuresAsShown(w.figures, d.schoolShown(w.id)) }));
  const sites = input.unitId ? all.filter((w) => w.unitId === input.unitId) : all;
  // The computed order is by name (then unit), ascending: re-sort only for another order.
  const sorted = input.sort === 'name' && input.order === 'asc' ? sites : sortBySupport(sites, input);
  return {
    majority: full,
    units,
    worksites: sorted.slice(input.offset, input.offset + input.limit),
    worksitesTotal: sites.length,
    limit: input.limit,
    offset: input.offset,
    disclosure: d.disclosure,
    disclosureKey: d.key,
  };
}
