import { AppError } from '../../errors.js';
import { instantOf, wallClockOf, type Day } from '../calendar.js';
import type { CommandContext } from '../commands/command-context.js';

/**
 * Schedules the email of a newsletter for a later time (or, with null, cancels the schedule). The
 * server's sweep sends it then, if it is published by that time; a newsletter already sent cannot
 * be scheduled again.
 */
export type ScheduledSend = { sendAt: Date | null; sendOn: Day | null; sendTime: string | null; timeZone: string };

export async function scheduleNewsletterSend(ctx: CommandContext, input: { slug: string; newsletterId: string; sendAt: Date | null } | { slug: string; newsletterId: string; sendOn: Day; sendTime: string }): Promise<ScheduledSend> {
  const { campaign } = await ctx.authorize(input.slug, 'public.manage');
  // A day and time are the campaign's wall clock (decision 0016), not the organizer's computer's.
  const sendAt = 'sendOn' in input ? instantOf(input.sendOn, input.sendTime, campaign.timeZone) : input.sendAt;
  const n = await ctx.repos.newsletters.find(campaign.id, input.newsletterId);
  if (!n) throw new AppError('not_found', 'No such newsletter.');
  if (n.sentAt) throw new AppError('conflict', 'This newsletter was already sent.');
  if (sendAt && sendAt.getTime() <= ctx.now.getTime()) throw new AppError('validation_failed', 'Choose a time in the future, or send it now.', [{ field: 'sendOn' in input ? 'body.sendOn' : 'body.sendAt', reason: 'must be in the future' }]);
  await ctx.repos.newsletters.update(campaign.id, n.id, { sendAt }, ctx.now);
  await ctx.audit(sendAt ? 'newsletter.send_scheduled' : 'newsletter.send_unscheduled', { subject: { type: 'newsletter', id: n.id }, details: { sendAt: sendAt?.toISOString() ?? null } });
  const local = sendAt ? wallClockOf(sendAt, campaign.timeZone) : null;
  return { sendAt, sendOn: local?.day ?? null, sendTime: local?.time ?? null, timeZone: campaign.timeZone };
}
