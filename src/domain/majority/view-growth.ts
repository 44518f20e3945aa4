import type { GrowthRow } from '../../db/repositories/support-repository.js';
import { addDays } from '../calendar.js';
import type { CommandContext } from '../commands/command-context.js';

/**
 * Supporters and schools with supporters, week by week, from the first card (or `from`) to `to`
 * (the campaign's today by default); at most five years of weeks: a chart, not a data dump.
 */
export async function viewGrowth(ctx: CommandContext, input: { slug: string; from?: string; to?: string }): Promise<{ from: string; to: string; weeks: GrowthRow[] }> {
  const { campaign } = await ctx.authorize(input.slug, 'dashboard.view');
  const { support } = ctx.repos;
  const to = input.to ?? ctx.today(campaign);
  const first = input.from ?? (await support.firstCardDate(campaign.id)) ?? addDays(to, -7 * 12);
  const earliest = addDays(to, -7 * 260);
  const from = first < earliest ? earliest : first > to ? to : first;
  return { from, to, weeks: await support.growth(campaign.id, from, to, campaign.cardValidityMonths) };
}
