import { hashToken } from '../accounts/tokens.js';
import type { CommandContext } from '../commands/command-context.js';
import { attendanceEventData } from '../integrations/attendance-event-data.js';
import { recordWebhookEvent } from '../integrations/record-webhook-event.js';
import { parseConfirmationToken } from '../petitions/confirmation-token.js';

/**
 * The link in the email an RSVP posted to the OSDI helper without a key gets (decision 0038): the
 * RSVP counts from then on, and the first click tells the campaign's webhooks. A second click
 * finds it accepted and says so; a token that is not ours, or of another event, finds nothing.
 */
export async function confirmRsvp(ctx: CommandContext, input: { campaignId: string; eventId: string; token: string }): Promise<'confirmed' | 'already' | undefined> {
  const parsed = parseConfirmationToken(input.token);
  if (!parsed) return undefined;
  const row = await ctx.repos.osdiAttendances.acceptByToken(input.eventId, parsed.signatureId, hashToken(parsed.secret), ctx.now);
  if (row) {
    await recordWebhookEvent(ctx, input.campaignId, 'attendance.confirmed', attendanceEventData(row));
    return 'confirmed';
  }
  const found = await ctx.repos.osdiAttendances.find(input.eventId, parsed.signatureId);
  return found?.status === 'accepted' ? 'already' : undefined;
}
