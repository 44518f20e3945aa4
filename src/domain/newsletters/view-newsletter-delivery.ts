import { AppError } from '../../errors.js';
import type { CommandContext } from '../commands/command-context.js';
import { unsubscribedReason } from './gather-newsletter-audience.js';

export type NewsletterDelivery = {
  sentAt: Date | null;
  /** Messages recorded for the send, delivered, still being tried, and given up (refused or out of tries). */
  messages: { total: number; sent: number; pending: number; failed: number; bounced: number };
  /** Active subscribers by language, with those a hard bounce took off the list. */
  audience: { lang: string; count: number; suppressed: number }[];
  /** Addresses the campaign's sends skip since a server refused them for good (counted, never named). */
  suppressed: number;
  /** Unsubscribed since the send. */
  unsubscribedSince: number;
};

/** A send's progress and results for the organizer app: numbers only, no recipient is named. */
export async function viewNewsletterDelivery(ctx: CommandContext, input: { slug: string; newsletterId: string }): Promise<NewsletterDelivery> {
  const { campaign } = await ctx.authorize(input.slug, 'public.manage');
  const n = await ctx.repos.newsletters.find(campaign.id, input.newsletterId);
  if (!n) throw new AppError('not_found', 'No such newsletter.');
  const messages = await ctx.repos.mail.countNewsletterMessages(n.id);
  const audience = await ctx.repos.subscribers.countAudience(campaign.id);
  const suppressed = (await ctx.repos.mail.listSuppressed(campaign.id)).length;
  // Subscribers who left the list, and educators or attendees who unsubscribed by their message's link.
  const unsubscribedSince = n.sentAt ? (await ctx.repos.subscribers.countUnsubscribedSince(campaign.id, n.sentAt)) + (await ctx.repos.mail.countUnsubscribedSince(campaign.id, n.sentAt, unsubscribedReason)) : 0;
  return { sentAt: n.sentAt, messages, audience, suppressed, unsubscribedSince };
}
