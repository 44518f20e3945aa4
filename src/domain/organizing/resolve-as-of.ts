import type { AsOf } from '../../db/repositories/organizing-repository.js';
import type { CampaignRow } from '../../db/repositories/campaigns-repository.js';
import { addDays, instantOf, isDay, startOfDay } from '../calendar.js';
import type { CommandContext } from '../commands/command-context.js';

/**
 * The day a list is drawn for (today in the campaign by default) and the instant that day ends
 * there: "as of 24 April" counts every rating made before midnight in the campaign's time zone,
 * not in UTC.
 */
export function resolveAsOf(ctx: CommandContext, campaign: CampaignRow, day: string | undefined): AsOf {
  const asOf = day ?? ctx.today(campaign);
  const next = addDays(asOf, 1);
  // 9999-12-31 has no next day the calendar can write (+010000-01-01): end at its last millisecond.
  return { day: asOf, endsAt: isDay(next) ? startOfDay(next, campaign.timeZone) : instantOf(asOf, '23:59:59.999', campaign.timeZone) };
}
