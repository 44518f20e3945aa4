import type { GrowthRow } from '../../db/repositories/support-repository.js';
import { AppError } from '../../errors.js';
import { addDays } from '../calendar.js';
import type { CommandContext } from '../commands/command-context.js';
import { disclosureFor } from '../policies/aggregate-policy.js';
import { safeCount } from '../policies/small-cells.js';

export type ShownGrowthRow = Omit<GrowthRow, 'supporters'> & { supporters: number | null };

/**
 * Supporters and schools with supporters, week by week, from the first card (or `from`) to `to`
 * (the campaign's today by default); at most five years of weeks: a chart, not a data dump.
 * Campaign-wide and dated: organizers and admins exactly, viewers in cells of 5, committee members
 * not at all (aggregate-policy.ts).
 */
export async function viewGrowth(ctx: CommandContext, input: { slug: string; from?: string; to?: string }): Promise<{ from: string; to: string; weeks: ShownGrowthRow[] }> {
  const { campaign, actor } = await ctx.authorize(input.slug, 'dashboard.view');
  const grant = disclosureFor(actor.role, 'support.growth');
  if (grant === 'none') throw new AppError('forbidden', 'Campaign-wide growth is for organizers, admins and viewers.');
  const { support } = ctx.repos;
  const to = input.to ?? ctx.today(campaign);
  const first = input.from ?? (await support.firstCardDate(campaign.id)) ?? addDays(to, -7 * 12);
  const earliest = addDays(to, -7 * 260);
  const from = first < earliest ? earliest : first > to ? to : first;
  const weeks = await support.growth(campaign.id, from, to, campaign.cardValidityMonths);
  return { from, to, weeks: grant === 'exact' ? weeks : weeks.map((w) => ({ ...w, supporters: safeCount(w.supporters) })) };
}
