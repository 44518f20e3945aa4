import type { CampaignRow } from '../../db/repositories/campaigns-repository.js';
import { getTranslator } from '../../i18n/translator.js';
import type { Language } from '../../vocabulary/languages.js';
import type { CommandContext } from '../commands/command-context.js';
import { attendanceEventData } from '../integrations/attendance-event-data.js';
import { recordWebhookEvent } from '../integrations/record-webhook-event.js';

export type RsvpResult = { ok: true } | { ok: false; reason: 'not_found' | 'closed' };

/**
 * An RSVP from the public form; a second one with the same email updates the first. The
 * confirmation (with the calendar file's link) is recorded with it and delivered after the commit.
 */
export async function rsvpToEvent(
  ctx: CommandContext,
  input: { campaign: CampaignRow; eventSlug: string; name: string; email: string; phone: string | null; lang: Language; siteUrl: string },
): Promise<RsvpResult> {
  const { campaign } = input;
  const event = await ctx.repos.events.findPublic(campaign.id, input.eventSlug);
  if (!event) return { ok: false, reason: 'not_found' };
  if (!event.rsvpOpen || event.endsAt.getTime() < ctx.now.getTime()) return { ok: false, reason: 'closed' };
  const before = await ctx.repos.osdiAttendances.findMatch(event.id, input.email, []);
  const { row } = await ctx.repos.events.upsertRsvp({ eventId: event.id, name: input.name, email: input.email, phone: input.phone, lang: input.lang });
  // A new RSVP, or one that waited for its email (the person answered here themselves), tells
  // the campaign's webhooks (decision 0038); answering again does not.
  if (before?.status !== 'accepted') await recordWebhookEvent(ctx, campaign.id, 'attendance.confirmed', attendanceEventData(row));
  const { t, formatDateTime } = getTranslator(input.lang);
  await ctx.recordMail({
    kind: 'event_rsvp',
    lang: input.lang,
    fromName: campaign.mailSenderName ?? campaign.name,
    replyTo: campaign.mailReplyTo,
    campaignId: campaign.id,
    to: input.email,
    subject: t('mail.rsvp.subject', { title: event.title }),
    text: t('mail.rsvp.body', {
      name: input.name,
      title: event.title,
      when: formatDateTime(event.startsAt, campaign.timeZone),
      location: event.location || '—',
      calendarUrl: `${input.siteUrl}/events/${event.slug}/calendar.ics`,
      campaign: campaign.name,
    }),
  });
  return { ok: true };
}
