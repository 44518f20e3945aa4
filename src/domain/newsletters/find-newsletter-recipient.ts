import type { CommandContext } from '../commands/command-context.js';
import { verifySubscriptionToken } from '../public-site/subscription-tokens.js';
import { unsubscribedReason } from './gather-newsletter-audience.js';

export type RecipientLink = { campaignId: string; mailId: string; token: string; secret: string };

/**
 * The recipient a newsletter's unsubscribe link names when they are not a subscriber (an educator
 * on the roster, an event attendee): the link signs the message id, whose row holds the address.
 */
export async function findNewsletterRecipient(ctx: CommandContext, input: RecipientLink): Promise<{ address: string; unsubscribed: boolean } | undefined> {
  if (!verifySubscriptionToken(input.secret, 'unsubscribe-mail', input.mailId, input.token)) return undefined;
  const mail = await ctx.repos.mail.find(input.mailId);
  if (!mail || mail.campaignId !== input.campaignId || mail.newsletterId === null) return undefined;
  const suppressed = await ctx.repos.mail.findSuppressedAmong(input.campaignId, [mail.toAddress]);
  return { address: mail.toAddress, unsubscribed: suppressed.get(mail.toAddress.toLowerCase()) === unsubscribedReason };
}
