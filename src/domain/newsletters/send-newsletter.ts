import { AppError } from '../../errors.js';
import type { CommandContext } from '../commands/command-context.js';
import { isNewsletterPublic } from '../public-site/newsletter-status.js';
import { recordNewsletterSend, type NewsletterSendResult } from './record-newsletter-send.js';

/**
 * Emails a published newsletter now, once. The claim, the messages and the count commit together;
 * the outbox delivers them after the commit, so the organizer's request never waits on the mail
 * server (recordNewsletterSend says who gets it).
 */
export async function sendNewsletter(ctx: CommandContext, input: { slug: string; newsletterId: string; publicUrl: string; secret: string }): Promise<NewsletterSendResult> {
  const { campaign } = await ctx.authorize(input.slug, 'public.manage');
  const n = await ctx.repos.newsletters.find(campaign.id, input.newsletterId);
  if (!n) throw new AppError('not_found', 'No such newsletter.');
  if (!isNewsletterPublic(n, ctx.now)) throw new AppError('conflict', 'Publish the newsletter before sending it.', [{ field: 'status', reason: 'must be published' }]);
  if (!(await ctx.repos.subscribers.claimSend(n.id, ctx.now))) throw new AppError('conflict', 'This newsletter was already sent.');
  return recordNewsletterSend(ctx, campaign, n, { ...input, scheduled: false });
}
