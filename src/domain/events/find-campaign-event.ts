import type { EventRow } from '../../db/repositories/events-repository.js';
import { AppError } from '../../errors.js';
import type { CommandContext } from '../commands/command-context.js';

/** An event of the campaign, or "not found". */
export async function findCampaignEvent(ctx: CommandContext, campaignId: string, eventId: string): Promise<EventRow> {
  const event = await ctx.repos.events.find(campaignId, eventId);
  if (!event) throw new AppError('not_found', 'No such event.');
  return event;
}
