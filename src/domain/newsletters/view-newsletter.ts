import { AppError } from '../../errors.js';
import type { CommandContext } from '../commands/command-context.js';
import { renderMarkdown } from '../public-site/render-markdown.js';
import { viewOfNewsletter, type NewsletterView } from './newsletter-view.js';

/** One newsletter, with the HTML its public page shows. */
export async function viewNewsletter(ctx: CommandContext, input: { slug: string; newsletterId: string }): Promise<NewsletterView & { html: string }> {
  const { campaign } = await ctx.authorize(input.slug, 'public.manage');
  const row = await ctx.repos.newsletters.find(campaign.id, input.newsletterId);
  if (!row) throw new AppError('not_found', 'No such newsletter.');
  return { ...viewOfNewsletter(row, ctx.now), html: renderMarkdown(row.bodyMarkdown) };
}
