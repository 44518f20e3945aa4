import type { EventRow, RsvpRow } from '../../db/repositories/events-repository.js';
import type { CommandContext } from '../commands/command-context.js';
import { findCampaignEvent } from './find-campaign-event.js';

/** An event's RSVPs for a file in Action Network's layout (admins): audited before a byte leaves. */
export async function exportActionNetworkRsvps(ctx: CommandContext, input: { slug: string; eventId: string }): Promise<{ event: EventRow; rsvps: RsvpRow[] }> {
  const { campaign } = await ctx.authorize(input.slug, 'export.individual');
  const event = await findCampaignEvent(ctx, campaign.id, input.eventId);
  const rsvps = await ctx.repos.events.listRsvps(event.id);
  await ctx.audit('export.action_network_rsvps', { subject: { type: 'event', id: event.id }, details: { count: rsvps.length } });
  return { event, rsvps };
}
