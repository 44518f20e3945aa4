import type { EventRow } from '../../db/repositories/events-repository.js';
import { AppError } from '../../errors.js';
import type { CommandContext } from '../commands/command-context.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An event of the key's own campaign; any other (or none) is "not found". */
export async function findKeyEvent(ctx: CommandContext, campaignId: string, eventId: string): Promise<EventRow> {
  const event = UUID.test(eventId) ? await ctx.repos.events.find(campaignId, eventId) : undefined;
  if (!event) throw new AppError('not_found', 'No such event.');
  return event;
}
