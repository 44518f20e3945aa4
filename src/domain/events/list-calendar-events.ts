import type { EventRow } from '../../db/repositories/events-repository.js';
import type { CommandContext } from '../commands/command-context.js';

// A subscribed calendar keeps recent events (people look back at where the meeting was), but an
// old campaign's whole history would make every refresh heavy.
const KEEP_PAST_DAYS = 90;

/** The public events of the calendar feed: upcoming ones and those of the last 90 days, by start. */
export async function listCalendarEvents(ctx: CommandContext, input: { campaignId: string }): Promise<EventRow[]> {
  return ctx.repos.events.listUpcomingPublic(input.campaignId, new Date(ctx.now.getTime() - KEEP_PAST_DAYS * 86_400_000), 500);
}
