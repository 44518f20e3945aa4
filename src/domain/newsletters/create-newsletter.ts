import type { Language } from '../../vocabulary/languages.js';
import type { CommandContext } from '../commands/command-context.js';
import { resolvePublishAt, type NewsletterStatus } from '../public-site/newsletter-status.js';
import { slugify } from '../public-site/slugify.js';
import { checkNewsletterSlug } from './check-newsletter-slug.js';
import { viewOfNewsletter, type NewsletterView } from './newsletter-view.js';

export type NewsletterInput = {
  title: string;
  /** The address under /news; from the title when absent. */
  slug?: string;
  summary: string;
  bodyMarkdown: string;
  lang: Language;
  status: NewsletterStatus;
  /** ISO 8601 with offset; publishing without one means now, scheduling needs one. */
  publishAt?: string | null;
};

/** A new newsletter: a draft, published now, or scheduled for a later instant. */
export async function createNewsletter(ctx: CommandContext, input: { slug: string; newsletter: NewsletterInput }): Promise<NewsletterView> {
  const { campaign, accountId } = await ctx.authorize(input.slug, 'public.manage');
  const n = input.newsletter;
  const slug = await checkNewsletterSlug(ctx, campaign.id, n.slug ?? slugify(n.title));
  const requested = n.publishAt === undefined ? undefined : n.publishAt === null ? null : new Date(n.publishAt);
  const row = await ctx.repos.newsletters.create({
    campaignId: campaign.id,
    slug,
    title: n.title,
    summary: n.summary,
    bodyMarkdown: n.bodyMarkdown,
    lang: n.lang,
    status: n.status,
    publishAt: resolvePublishAt(n.status, requested, null, ctx.now),
    createdBy: accountId,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  });
  return viewOfNewsletter(row, ctx.now);
}
