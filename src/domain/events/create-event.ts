import type { eventKinds } from '../../vocabulary/public-site.js';
import { AppError } from '../../errors.js';
import type { CommandContext } from '../commands/command-context.js';
import { slugify } from '../public-site/slugify.js';
import { checkEventZone } from './check-event-zone.js';
import { eventInstants, type EventTimes } from './event-times.js';
import { viewOfEvent, type EventView } from './event-view.js';

export type EventInput = EventTimes & {
  kind: (typeof eventKinds)[number];
  title: string;
  /** The address under /events; from the title and the start day when absent. */
  slug?: string;
  description: string;
  location: string;
  /** The zone the client typed the times in, if it says: must be the campaign's. */
  timeZone?: string;
  isPublic: boolean;
  rsvpOpen: boolean;
};

/** A new event, its times typed on the campaign's wall clock. */
export async function createEvent(ctx: CommandContext, input: { slug: string; event: EventInput }): Promise<EventView> {
  const { campaign } = await ctx.authorize(input.slug, 'public.manage');
  const { timeZone, slug: requested, startDay, startTime, endDay, endTime, ...fields } = input.event;
  checkEventZone(timeZone, campaign);
  const { startsAt, endsAt } = eventInstants({ startDay, startTime, endDay, endTime }, campaign.timeZone);
  const slug = requested ?? `${slugify(fields.title, 60)}-${startDay}`;
  if (await ctx.repos.events.slugTaken(campaign.id, slug)) throw new AppError('conflict', 'Another event has that address.', [{ field: 'slug', reason: 'is already used' }]);
  const row = await ctx.repos.events.create({ campaignId: campaign.id, ...fields, slug, startsAt, endsAt, createdAt: ctx.now, updatedAt: ctx.now });
  return viewOfEvent(row, campaign.timeZone);
}
