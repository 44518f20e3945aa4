import type { CommandContext } from '../commands/command-context.js';
import { viewOfEvent, type EventView } from './event-view.js';

/** Every event of the campaign with its RSVP and check-in counts, and the zone its times are in. */
export async function listEvents(ctx: CommandContext, input: { slug: string }): Promise<{ timeZone: string; events: EventView[] }> {
  const { campaign } = await ctx.authorize(input.slug, 'public.manage');
  const rows = await ctx.repos.events.listAll(campaign.id);
  return { timeZone: campaign.timeZone, events: rows.map((r) => viewOfEvent(r.event, campaign.timeZone, { rsvps: r.rsvps, checkedIn: r.checkedIn })) };
}
