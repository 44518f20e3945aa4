import type { RsvpRow } from '../../db/repositories/events-repository.js';
import type { CommandContext } from '../commands/command-context.js';
import { authorizeApiKey } from './authorize-api-key.js';
import { findKeyEvent } from './find-key-event.js';
import { parseOsdiFilter } from './parse-osdi-filter.js';

/**
 * A page of an event's RSVPs for an API key with the read scope (people who answered a public
 * event). The key's use is audited before the names leave.
 */
export async function listOsdiAttendances(
  ctx: CommandContext,
  input: { token: string | undefined; eventId: string; page: number; perPage: number; filter: string | undefined },
): Promise<{ total: number; rows: RsvpRow[] }> {
  const conditions = parseOsdiFilter(input.filter);
  const { campaign } = await authorizeApiKey(ctx, input.token, 'attendances', `reading the RSVPs of event ${input.eventId}`);
  const event = await findKeyEvent(ctx, campaign.id, input.eventId);
  return ctx.repos.osdiAttendances.page(event.id, conditions, input.perPage, (input.page - 1) * input.perPage);
}
