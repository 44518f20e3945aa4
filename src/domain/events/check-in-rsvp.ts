import type { RsvpRow } from '../../db/repositories/events-repository.js';
import { AppError } from '../../errors.js';
import type { CommandContext } from '../commands/command-context.js';
import { findCampaignEvent } from './find-campaign-event.js';

/** Marks (or unmarks) someone who RSVPed as here, at the door. */
export async function checkInRsvp(ctx: CommandContext, input: { slug: string; eventId: string; rsvpId: string; checkedIn: boolean }): Promise<RsvpRow> {
  const { campaign } = await ctx.authorize(input.slug, 'public.manage');
  const event = await findCampaignEvent(ctx, campaign.id, input.eventId);
  const row = await ctx.repos.events.setCheckedIn(event.id, input.rsvpId, input.checkedIn ? ctx.now : null);
  if (!row) throw new AppError('not_found', 'No such RSVP.');
  return row;
}
