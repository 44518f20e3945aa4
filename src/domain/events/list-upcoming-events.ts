import type { EventRow } from '../../db/repositories/events-repository.js';
import type { CommandContext } from '../commands/command-context.js';

/** Public events that have not ended yet, soonest first. */
export async function listUpcomingEvents(ctx: CommandContext, input: { campaignId: string; limit?: number }): Promise<EventRow[]> {
  return ctx.repos.events.listUpcomingPublic(input.campaignId, ctx.now, input.limit);
}
