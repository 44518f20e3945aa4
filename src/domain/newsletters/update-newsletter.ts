import { AppError } from '../../errors.js';
import type { CommandContext } from '../commands/command-context.js';
import { resolvePublishAt } from '../public-site/newsletter-status.js';
import { checkNewsletterSlug } from './check-newsletter-slug.js';
import type { NewsletterInput } from './create-newsletter.js';
import { viewOfNewsletter, type NewsletterView } from './newsletter-view.js';

/** Changes a newsletter; a status change settles its publication time (resolvePublishAt). */
export async function updateNewsletter(ctx: CommandContext, input: { slug: string; newsletterId: string; changes: Partial<NewsletterInput> }): Promise<NewsletterView> {
  const { campaign } = await ctx.authorize(input.slug, 'public.manage');
  const { newsletters } = ctx.repos;
  const existing = await newsletters.find(campaign.id, input.newsletterId);
  if (!existing) throw new AppError('not_found', 'No such newsletter.');
  const c = input.changes;
  if (c.slug) await checkNewsletterSlug(ctx, campaign.id, c.slug, existing.id);
  const status = c.status ?? existing.status;
  const requested = c.publishAt === undefined ? undefined : c.publishAt === null ? null : new Date(c.publishAt);
  const publishAt = resolvePublishAt(status, requested, existing.publishAt, ctx.now);
  const row = await newsletters.update(campaign.id, existing.id, { title: c.title, slug: c.slug, summary: c.summary, bodyMarkdown: c.bodyMarkdown, lang: c.lang, status, publishAt }, ctx.now);
  if (!row) throw new AppError('not_found', 'No such newsletter.');
  return viewOfNewsletter(row, ctx.now);
}
