import type { CommandContext } from '../commands/command-context.js';
import { viewOfNewsletter, type NewsletterView } from './newsletter-view.js';

/** Every newsletter of the campaign (drafts too) and how many people receive them by email. */
export async function listNewsletters(ctx: CommandContext, input: { slug: string }): Promise<{ newsletters: NewsletterView[]; subscriberCount: number; timeZone: string }> {
  const { campaign } = await ctx.authorize(input.slug, 'public.manage');
  // One connection per command: one query after the other (never Promise.all in a transaction).
  const rows = await ctx.repos.newsletters.listAll(campaign.id);
  const subscriberCount = await ctx.repos.subscribers.countActive(campaign.id);
  return { newsletters: rows.map((row) => viewOfNewsletter(row, ctx.now)), subscriberCount, timeZone: campaign.timeZone };
}
