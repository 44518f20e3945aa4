import type { CampaignRow } from '../../db/repositories/campaigns-repository.js';
import type { CommandContext } from '../commands/command-context.js';
import { roundDownTo } from './round-public-number.js';

export type PublicSupportCount = {
  asOf: string;
  granularity: number;
  /** Educators with a verified, valid card today, and schools with at least one of them. */
  educators: number;
  schools: number;
  /** The same, rounded down to the campaign's granularity: what a publication would show. */
  educatorsShown: number;
  schoolsShown: number;
};

/** Today's campaign-wide support, from the counters the majority page reads (verified cards only). */
export async function countPublicSupport(ctx: CommandContext, campaign: CampaignRow): Promise<PublicSupportCount> {
  const asOf = ctx.today(campaign);
  const rows = await ctx.repos.support.current(campaign.id, asOf, campaign.cardValidityMonths);
  const educators = rows.reduce((sum, r) => sum + r.validCards, 0);
  const schools = new Set(rows.filter((r) => r.validCards > 0).map((r) => r.worksiteId)).size;
  const granularity = campaign.publicNumbersGranularity;
  return { asOf, granularity, educators, schools, educatorsShown: roundDownTo(educators, granularity), schoolsShown: roundDownTo(schools, granularity) };
}
