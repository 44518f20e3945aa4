import { AppError } from '../../errors.js';
import type { CommandContext } from '../commands/command-context.js';

/** Removes an event and its RSVPs. */
export async function deleteEvent(ctx: CommandContext, input: { slug: string; eventId: string }): Promise<{ campaignId: string }> {
  const { campaign } = await ctx.authorize(input.slug, 'public.manage');
  if (!(await ctx.repos.events.remove(campaign.id, input.eventId))) throw new AppError('not_found', 'No such event.');
  return { campaignId: campaign.id };
}
