import type { LocatedEvent } from '../../db/repositories/events-repository.js';
import type { OsdiCondition } from '../../vocabulary/osdi-filter.js';
import type { CommandContext } from '../commands/command-context.js';
import { matchesOsdiConditions } from '../integrations/match-osdi-conditions.js';

/** The instance's public events for the OSDI collection, filtered, one page (a campaign has dozens, not thousands). */
export async function listOsdiEvents(ctx: CommandContext, input: { conditions: OsdiCondition[]; page: number; perPage: number }): Promise<{ total: number; events: LocatedEvent[] }> {
  const chosen = (await ctx.repos.events.listPublicLocated()).filter((found) => matchesOsdiConditions(found.event, input.conditions));
  return { total: chosen.length, events: chosen.slice((input.page - 1) * input.perPage, input.page * input.perPage) };
}
