import { createElement } from 'react';
import { z } from 'zod';
import type { Services } from '../../domain/create-services.js';
import { buildNewsFeed } from '../../domain/public-site/news-feed.js';
import { resolvePublishAt } from '../../domain/public-site/newsletter-status.js';
import { excerpt, markdownToText, renderMarkdown } from '../../domain/public-site/render-markdown.js';
import { slugify, slugPattern } from '../../domain/public-site/slugify.js';
import { AppError } from '../../errors.js';
import { requireCampaignAccess } from '../campaign-access.js';
import { presentNewsletter } from '../presenters/public-content-presenter.js';
import { PublicNotFound, type PublicSite } from '../public-site.js';
import { renderPage } from '../views/layout.js';
import { NewsIndexPage } from '../views/news-index-page.js';
import { NewsletterPage } from '../views/newsletter-page.js';
import { campaignDay, toNewsletterSummary } from '../views/to-view-models.js';
import type { ZodApp } from '../zod-app.js';

const slugParams = z.object({ slug: z.string().min(1).max(80) });
const idParams = slugParams.extend({ id: z.uuid('is not an id') });
const contentSlug = z.string().trim().max(80).regex(slugPattern, 'use lower-case letters, digits and dashes');
const newsletterFields = {
  title: z.string().trim().min(1, 'is required').max(200),
  slug: contentSlug.optional(),
  summary: z.string().trim().max(500).default(''),
  bodyMarkdown: z.string().max(200_000).default(''),
  lang: z.enum(['en', 'es']).default('en'),
  status: z.enum(['draft', 'published', 'scheduled']).default('draft'),
  publishAt: z.iso.datetime({ offset: true }).nullable().optional(),
};
const createBody = z.object(newsletterFields);
const updateBody = z.object({
  title: newsletterFields.title.optional(),
  slug: contentSlug.optional(),
  summary: z.string().trim().max(500).optional(),
  bodyMarkdown: z.string().max(200_000).optional(),
  lang: z.enum(['en', 'es']).optional(),
  status: z.enum(['draft', 'published', 'scheduled']).optional(),
  publishAt: z.iso.datetime({ offset: true }).nullable().optional(),
});

export function registerNewsletterRoutes(app: ZodApp, services: Services, site: PublicSite): void {
  const { newsletters } = services.repositories;

  // ---- Public: archive, one page per issue, Atom feed ----
  site.register(app, { path: '/news', cache: true }, async ({ campaign, site: model }) => {
    const rows = await newsletters.listPublished(campaign.id, services.now());
    return { body: renderPage(createElement(NewsIndexPage, { site: model, newsletters: rows.map((n) => toNewsletterSummary(n, model.base)) })) };
  });

  site.register(app, { path: '/news/feed.xml', cache: true }, async ({ campaign, site: model, locale }) => {
    const rows = await newsletters.listPublished(campaign.id, services.now(), 50);
    const body = buildNewsFeed({
      title: locale.t('news.feedTitle', { campaign: campaign.name }),
      description: campaign.statement.split(/\n{2,}/)[0] ?? '',
      siteUrl: model.siteUrl,
      feedUrl: `${model.siteUrl}/news/feed.xml`,
      lang: locale.lang,
      entries: rows.map((n) => ({
        slug: n.slug,
        title: n.title,
        summary: n.summary !== '' ? n.summary : excerpt(markdownToText(n.bodyMarkdown)),
        html: renderMarkdown(n.bodyMarkdown),
        publishedAt: n.publishAt ?? n.createdAt,
        updatedAt: n.updatedAt > (n.publishAt ?? n.createdAt) ? n.updatedAt : (n.publishAt ?? n.createdAt),
      })),
    });
    return { body, type: 'application/atom+xml; charset=utf-8' };
  });

  site.register(app, { path: '/news/:newsSlug', cache: true }, async ({ campaign, site: model, params }) => {
    const n = await newsletters.findPublished(campaign.id, params.newsSlug ?? '', services.now());
    if (!n) throw new PublicNotFound();
    const publishedAt = n.publishAt ?? n.createdAt;
    return {
      body: renderPage(
        createElement(NewsletterPage, {
          site: model,
          title: n.title,
          summary: n.summary !== '' ? n.summary : excerpt(markdownToText(n.bodyMarkdown)),
          publishedOn: campaignDay(publishedAt),
          publishedAt: publishedAt.toISOString(),
          html: renderMarkdown(n.bodyMarkdown),
          lang: n.lang,
        }),
      ),
    };
  });

  // ---- Organizers (public.manage) ----
  app.get('/api/campaigns/:slug/newsletters', { schema: { tags: ['newsletters'], params: slugParams } }, async (request) => {
    const access = await requireCampaignAccess(services, request, request.params.slug, 'public.manage');
    const now = services.now();
    return { newsletters: (await newsletters.listAll(access.campaign.id)).map((n) => presentNewsletter(n, now)) };
  });

  app.get('/api/campaigns/:slug/newsletters/:id', { schema: { tags: ['newsletters'], params: idParams } }, async (request) => {
    const access = await requireCampaignAccess(services, request, request.params.slug, 'public.manage');
    const n = await newsletters.find(access.campaign.id, request.params.id);
    if (!n) throw new AppError('not_found', 'No such newsletter.');
    return { newsletter: presentNewsletter(n, services.now()), html: renderMarkdown(n.bodyMarkdown) };
  });

  // The editor's preview: exactly the HTML the public page will show.
  app.post(
    '/api/campaigns/:slug/newsletters/preview',
    { schema: { tags: ['newsletters'], params: slugParams, body: z.object({ bodyMarkdown: z.string().max(200_000) }) } },
    async (request) => {
      await requireCampaignAccess(services, request, request.params.slug, 'public.manage');
      return { html: renderMarkdown(request.body.bodyMarkdown) };
    },
  );

  app.post('/api/campaigns/:slug/newsletters', { schema: { tags: ['newsletters'], params: slugParams, body: createBody } }, async (request, reply) => {
    const access = await requireCampaignAccess(services, request, request.params.slug, 'public.manage');
    const body = request.body;
    const now = services.now();
    const slug = body.slug ?? slugify(body.title);
    if (await newsletters.slugTaken(access.campaign.id, slug)) throw new AppError('conflict', 'Another newsletter has that address.', [{ field: 'slug', reason: 'is already used' }]);
    const publishAt = resolvePublishAt(body.status, body.publishAt === undefined ? undefined : body.publishAt === null ? null : new Date(body.publishAt), null, now);
    const row = await newsletters.create({
      campaignId: access.campaign.id,
      slug,
      title: body.title,
      summary: body.summary,
      bodyMarkdown: body.bodyMarkdown,
      lang: body.lang,
      status: body.status,
      publishAt,
      createdBy: access.accountId,
    });
    site.cache.invalidateCampaign(access.campaign.id);
    return reply.status(201).send({ newsletter: presentNewsletter(row, now) });
  });

  app.patch('/api/campaigns/:slug/newsletters/:id', { schema: { tags: ['newsletters'], params: idParams, body: updateBody } }, async (request) => {
    const access = await requireCampaignAccess(services, request, request.params.slug, 'public.manage');
    const existing = await newsletters.find(access.campaign.id, request.params.id);
    if (!existing) throw new AppError('not_found', 'No such newsletter.');
    const body = request.body;
    const now = services.now();
    if (body.slug && (await newsletters.slugTaken(access.campaign.id, body.slug, existing.id))) {
      throw new AppError('conflict', 'Another newsletter has that address.', [{ field: 'slug', reason: 'is already used' }]);
    }
    const status = body.status ?? existing.status;
    const requested = body.publishAt === undefined ? undefined : body.publishAt === null ? null : new Date(body.publishAt);
    const publishAt = resolvePublishAt(status, requested, existing.publishAt, now);
    const row = await newsletters.update(
      access.campaign.id,
      existing.id,
      { title: body.title, slug: body.slug, summary: body.summary, bodyMarkdown: body.bodyMarkdown, lang: body.lang, status, publishAt },
      now,
    );
    if (!row) throw new AppError('not_found', 'No such newsletter.');
    site.cache.invalidateCampaign(access.campaign.id);
    return { newsletter: presentNewsletter(row, now) };
  });

  app.delete('/api/campaigns/:slug/newsletters/:id', { schema: { tags: ['newsletters'], params: idParams } }, async (request, reply) => {
    const access = await requireCampaignAccess(services, request, request.params.slug, 'public.manage');
    if (!(await newsletters.remove(access.campaign.id, request.params.id))) throw new AppError('not_found', 'No such newsletter.');
    site.cache.invalidateCampaign(access.campaign.id);
    return reply.status(204).send();
  });
}
