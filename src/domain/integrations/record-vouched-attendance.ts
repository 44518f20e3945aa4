import type { RsvpRow } from '../../db/repositories/events-repository.js';
import type { Language } from '../../vocabulary/languages.js';
import { uuidV7 } from '../../support/uuid-v7.js';
import type { CommandContext } from '../commands/command-context.js';
import { attendanceEventData } from './attendance-event-data.js';
import { authorizeApiKey } from './authorize-api-key.js';
import { findKeyEvent } from './find-key-event.js';
import type { OsdiAttendanceParts } from './osdi-attendance-parts.js';
import { recordWebhookEvent } from './record-webhook-event.js';

/**
 * An RSVP posted with a write-scoped key: its source vouches for the person, so it is on the door
 * list at once, with that origin recorded (decision 0038). The same person again (a foreign id
 * seen before, or the same email) updates their RSVP instead of adding one.
 */
export async function recordVouchedAttendance(ctx: CommandContext, input: { token: string | undefined; eventId: string; parts: OsdiAttendanceParts; lang: Language }): Promise<RsvpRow> {
  const { campaign, keyName } = await authorizeApiKey(ctx, input.token, 'record_attendance', `recording an RSVP to event ${input.eventId}`);
  const event = await findKeyEvent(ctx, campaign.id, input.eventId);
  const { parts } = input;
  const given = {
    eventId: event.id,
    name: parts.name,
    email: parts.email,
    phone: parts.phone,
    lang: input.lang,
    details: parts.details,
    identifiers: parts.identifiers,
    originSystem: parts.originSystem ? `${parts.originSystem} (API key ${keyName})` : `API key ${keyName}`,
    at: ctx.now,
  };
  const existing = await ctx.repos.osdiAttendances.findMatch(event.id, parts.email, parts.identifiers);
  const state = { status: 'accepted' as const, confirmationHash: null };
  const row = existing ? await ctx.repos.osdiAttendances.update(existing, given, state) : await ctx.repos.osdiAttendances.insert(uuidV7(), given, { ...state, source: 'api' });
  if (existing?.status !== 'accepted') await recordWebhookEvent(ctx, campaign.id, 'attendance.confirmed', attendanceEventData(row));
  await ctx.audit(existing ? 'event_rsvp.updated_by_api' : 'event_rsvp.recorded_by_api', { campaignId: campaign.id, subject: { type: 'event_rsvp', id: row.id }, details: { eventId: event.id, origin: given.originSystem } });
  return row;
}
