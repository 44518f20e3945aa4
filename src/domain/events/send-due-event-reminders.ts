import { getTranslator } from '../../i18n/translator.js';
import type { CommandContext } from '../commands/command-context.js';
import { campaignSiteUrl } from '../public-site/campaign-site-url.js';

// "The day before": an event is reminded once, when it is less than a day away.
const REMIND_WITHIN_MS = 24 * 3600_000;

/**
 * The reminders' sweep, run by the server as the system: for each event starting within a day that
 * has had no reminder, one message to each person who RSVPed with an email (walk-ins were there
 * already), in the language they answered in, from the campaign's sender settings. The claim and
 * the messages commit together. Returns how many messages were recorded.
 */
export async function sendDueEventReminders(ctx: CommandContext, input: { publicUrl: string }): Promise<number> {
  let count = 0;
  for (const event of await ctx.repos.events.claimDueReminders(ctx.now, new Date(ctx.now.getTime() + REMIND_WITHIN_MS))) {
    const campaign = await ctx.repos.campaigns.findById(event.campaignId);
    if (!campaign) continue;
    const siteUrl = campaignSiteUrl(input.publicUrl, campaign);
    const eventUrl = `${siteUrl}/events/${event.slug}`;
    let reminded = 0;
    for (const rsvp of await ctx.repos.events.listRsvps(event.id)) {
      if (!rsvp.email || rsvp.walkIn) continue;
      const { t, formatDateTime } = getTranslator(rsvp.lang);
      await ctx.recordMail({
        kind: 'event_reminder',
        campaignId: campaign.id,
        to: rsvp.email,
        lang: rsvp.lang,
        fromName: campaign.mailSenderName ?? campaign.name,
        replyTo: campaign.mailReplyTo,
        subject: t('mail.reminder.subject', { title: event.title }),
        text: t('mail.reminder.body', { name: rsvp.name, title: event.title, when: formatDateTime(event.startsAt, campaign.timeZone), location: event.location || '—', eventUrl, calendarUrl: `${eventUrl}/calendar.ics`, campaign: campaign.name }),
      });
      reminded++;
    }
    count += reminded;
    await ctx.audit('event.reminders_sent', { campaignId: campaign.id, subject: { type: 'event', id: event.id }, details: { count: reminded } });
  }
  return count;
}
