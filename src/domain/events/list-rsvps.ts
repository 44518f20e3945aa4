import type { RsvpRow } from '../../db/repositories/events-repository.js';
import type { CommandContext } from '../commands/command-context.js';
import { viewOfEvent, type EventView } from './event-view.js';
import { findCampaignEvent } from './find-campaign-event.js';

/** The door list. It names community members: every view is in the audit log. */
export async function listRsvps(ctx: CommandContext, input: { slug: string; eventId: string }): Promise<{ event: EventView; rsvps: RsvpRow[] }> {
  const { campaign } = await ctx.authorize(input.slug, 'public.manage');
  const event = await findCampaignEvent(ctx, campaign.id, input.eventId);
  const rsvps = await ctx.repos.events.listRsvps(event.id);
  await ctx.audit('event.rsvps_viewed', { subject: { type: 'event', id: event.id }, details: { count: rsvps.length } });
  return { event: viewOfEvent(event, campaign.timeZone), rsvps };
}
