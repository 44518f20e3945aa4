import type { RsvpRow } from '../../db/repositories/events-repository.js';
import { AppError } from '../../errors.js';
import type { CommandContext } from '../commands/command-context.js';
import { authorizeApiKey } from './authorize-api-key.js';
import { findKeyEvent } from './find-key-event.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One RSVP, for an API key with the read scope; audited before it leaves. */
export async function viewOsdiAttendance(ctx: CommandContext, input: { token: string | undefined; eventId: string; attendanceId: string }): Promise<RsvpRow> {
  const { campaign } = await authorizeApiKey(ctx, input.token, 'attendances', `reading RSVP ${input.attendanceId}`);
  const event = await findKeyEvent(ctx, campaign.id, input.eventId);
  const row = UUID.test(input.attendanceId) ? await ctx.repos.osdiAttendances.find(event.id, input.attendanceId) : undefined;
  if (!row) throw new AppError('not_found', 'No such attendance.');
  return row;
}
