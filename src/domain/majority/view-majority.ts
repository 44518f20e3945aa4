import type { CommandContext } from '../commands/command-context.js';
import { computeMajority, type Majority, type WorksiteSupport } from './compute-majority.js';
import { sortBySupport, type SupportSort } from './sort-by-support.js';

export type ViewMajorityInput = SupportSort & { slug: string; asOf?: string; unitId?: string; limit: number; offset: number };
export type MajorityPage = { majority: Majority; worksites: WorksiteSupport[]; worksitesTotal: number; limit: number; offset: number };

/**
 * Every unit's numbers, and one page of the schools, filtered by unit and sorted (10,000 schools do
 * not fit one screen or one quick response). Aggregates only: every member may read them.
 */
export async function viewMajority(ctx: CommandContext, input: ViewMajorityInput): Promise<MajorityPage> {
  const { campaign } = await ctx.authorize(input.slug, 'dashboard.view');
  const majority = await computeMajority(ctx, campaign, input.asOf);
  const sites = input.unitId ? majority.worksites.filter((w) => w.unitId === input.unitId) : majority.worksites;
  // The computed order is by name (then unit), ascending: re-sort only for another order.
  const sorted = input.sort === 'name' && input.order === 'asc' ? sites : sortBySupport(sites, input);
  return { majority, worksites: sorted.slice(input.offset, input.offset + input.limit), worksitesTotal: sites.length, limit: input.limit, offset: input.offset };
}
