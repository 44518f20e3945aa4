import type { EventRow } from '../../db/repositories/events-repository.js';
import type { CommandContext } from '../commands/command-context.js';

/** A public event by its address, and whether it is over (no more RSVPs). */
export async function findPublicEvent(ctx: CommandContext, input: { campaignId: string; eventSlug: string }): Promise<{ event: EventRow; isPast: boolean } | undefined> {
  const event = await ctx.repos.events.findPublic(input.campaignId, input.eventSlug);
  return event ? { event, isPast: event.endsAt.getTime() < ctx.now.getTime() } : undefined;
}
