import type { LocatedEvent } from '../../db/repositories/events-repository.js';
import type { CommandContext } from '../commands/command-context.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One public event by id, with where it lives (the OSDI resource); undefined for anything else. */
export async function findOsdiEvent(ctx: CommandContext, input: { eventId: string }): Promise<LocatedEvent | undefined> {
  return UUID.test(input.eventId) ? ctx.repos.events.findPublicLocated(input.eventId) : undefined;
}
