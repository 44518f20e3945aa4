import type { NewsletterRow } from '../../db/repositories/newsletters-repository.js';
import type { CommandContext } from '../commands/command-context.js';

/** One public newsletter by its address; undefined for a draft, a future one or an unknown one. */
export async function findPublishedNewsletter(ctx: CommandContext, input: { campaignId: string; newsletterSlug: string }): Promise<NewsletterRow | undefined> {
  return ctx.repos.newsletters.findPublished(input.campaignId, input.newsletterSlug, ctx.now);
}
