import { AppError } from '../../errors.js';
import type { CommandContext } from '../commands/command-context.js';

/**
 * Schedules the email of a newsletter for a later time (or, with null, cancels the schedule). The
 * server's sweep sends it then, if it is published by that time; a newsletter already sent cannot
 * be scheduled again.
 */
export async function scheduleNewsletterSend(ctx: CommandContext, input: { slug: string; newsletterId: string; sendAt: Date | null }): Promise<{ sendAt: Date | null }> {
  const { campaign } = await ctx.authorize(input.slug, 'public.manage');
  const n = await ctx.repos.newsletters.find(campaign.id, input.newsletterId);
  if (!n) throw new AppError('not_found', 'No such newsletter.');
  if (n.sentAt) throw new AppError('conflict', 'This newsletter was already sent.');
  if (input.sendAt && input.sendAt.getTime() <= ctx.now.getTime()) throw new AppError('validation_failed', 'Choose a time in the future, or send it now.', [{ field: 'body.sendAt', reason: 'must be in the future' }]);
  await ctx.repos.newsletters.update(campaign.id, n.id, { sendAt: input.sendAt }, ctx.now);
  await ctx.audit(input.sendAt ? 'newsletter.send_scheduled' : 'newsletter.send_unscheduled', { subject: { type: 'newsletter', id: n.id }, details: { sendAt: input.sendAt?.toISOString() ?? null } });
  return { sendAt: input.sendAt };
}
