import type { LocatedEvent } from '../../db/repositories/events-repository.js';
import type { OsdiCondition } from '../../vocabulary/osdi-filter.js';
import type { CommandContext } from '../commands/command-context.js';

function matches(event: LocatedEvent['event'], conditions: OsdiCondition[]): boolean {
  return conditions.every((c) => {
    // An event has no email: a filter on one matches nothing.
    if (c.kind === 'text') return c.field === 'identifiers' && c.value === `unionhall:${event.id}`;
    const at = (c.field === 'created_date' ? event.createdAt : event.updatedAt).getTime();
    const v = c.value.getTime();
    return c.op === 'gt' ? at > v : c.op === 'lt' ? at < v : at >= v && at < v + 86_400_000;
  });
}

/** The instance's public events for the OSDI collection, filtered, one page (a campaign has dozens, not thousands). */
export async function listOsdiEvents(ctx: CommandContext, input: { conditions: OsdiCondition[]; page: number; perPage: number }): Promise<{ total: number; events: LocatedEvent[] }> {
  const chosen = (await ctx.repos.events.listPublicLocated()).filter((found) => matches(found.event, input.conditions));
  return { total: chosen.length, events: chosen.slice((input.page - 1) * input.perPage, input.page * input.perPage) };
}
