import type { CommandContext } from '../commands/command-context.js';
import { findNewsletterRecipient, type RecipientLink } from './find-newsletter-recipient.js';
import { unsubscribedReason } from './gather-newsletter-audience.js';

/**
 * One-click unsubscribe (RFC 8058) of someone who is not a subscriber: the campaign's later sends
 * skip the address (a suppression with the reason "unsubscribed", shown in the app), and an
 * educator's consent to updates at it is withdrawn. False for a bad link.
 */
export async function unsubscribeNewsletterRecipient(ctx: CommandContext, input: RecipientLink): Promise<boolean> {
  const recipient = await findNewsletterRecipient(ctx, input);
  if (!recipient) return false;
  await ctx.repos.mail.suppress(input.campaignId, recipient.address, unsubscribedReason, ctx.now);
  await ctx.repos.updateConsents.withdrawAddress(input.campaignId, recipient.address, ctx.now);
  return true;
}
