import { AppError } from '../../errors.js';
import type { CommandContext } from '../commands/command-context.js';
import { checkEventZone } from './check-event-zone.js';
import type { EventInput } from './create-event.js';
import { eventInstants, eventTimesOf } from './event-times.js';
import { viewOfEvent, type EventView } from './event-view.js';
import { findCampaignEvent } from './find-campaign-event.js';

/** Changes an event; a day or time left out keeps what the campaign's wall clock shows now. */
export async function updateEvent(ctx: CommandContext, input: { slug: string; eventId: string; changes: Partial<EventInput> }): Promise<EventView> {
  const { campaign } = await ctx.authorize(input.slug, 'public.manage');
  const existing = await findCampaignEvent(ctx, campaign.id, input.eventId);
  const { timeZone, startDay, startTime, endDay, endTime, ...rest } = input.changes;
  checkEventZone(timeZone, campaign);
  const current = eventTimesOf(existing, campaign.timeZone);
  const { startsAt, endsAt } = eventInstants(
    { startDay: startDay ?? current.startDay, startTime: startTime ?? current.startTime, endDay: endDay ?? current.endDay, endTime: endTime ?? current.endTime },
    campaign.timeZone,
  );
  if (rest.slug && (await ctx.repos.events.slugTaken(campaign.id, rest.slug, existing.id))) throw new AppError('conflict', 'Another event has that address.', [{ field: 'slug', reason: 'is already used' }]);
  const row = await ctx.repos.events.update(campaign.id, existing.id, { ...rest, startsAt, endsAt }, ctx.now);
  if (!row) throw new AppError('not_found', 'No such event.');
  return viewOfEvent(row, campaign.timeZone);
}
