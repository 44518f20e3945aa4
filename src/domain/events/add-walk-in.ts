import type { RsvpRow } from '../../db/repositories/events-repository.js';
import type { CommandContext } from '../commands/command-context.js';
import { findCampaignEvent } from './find-campaign-event.js';

/** Someone who came without an RSVP: added and checked in at once. */
export async function addWalkIn(ctx: CommandContext, input: { slug: string; eventId: string; name: string; email: string | null; phone: string | null }): Promise<RsvpRow> {
  const { campaign } = await ctx.authorize(input.slug, 'public.manage');
  const event = await findCampaignEvent(ctx, campaign.id, input.eventId);
  return ctx.repos.events.addWalkIn({ eventId: event.id, name: input.name, email: input.email, phone: input.phone, at: ctx.now });
}
