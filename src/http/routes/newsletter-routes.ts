import { createElement } from 'react';
import { z } from 'zod';
import type { Config } from '../../config.js';
import type { Services } from '../../domain/create-services.js';
import { buildNewsFeed } from '../../domain/public-site/news-feed.js';
import { isNewsletterPublic, resolvePublishAt } from '../../domain/public-site/newsletter-status.js';
import { excerpt, markdownToText, renderMarkdown } from '../../domain/public-site/render-markdown.js';
import { slugify, slugPattern } from '../../domain/public-site/slugify.js';
import { subscriptionToken, verifySubscriptionToken } from '../../domain/public-site/subscription-tokens.js';
import { AppError } from '../../errors.js';
import { getTranslator } from '../../i18n/translator.js';
import { requireCampaignAccess } from '../campaign-access.js';
import { presentNewsletter } from '../presenters/public-content-presenter.js';
import { PublicNotFound, type PublicPageContext, type PublicSite } from '../public-site.js';
import { renderPage } from '../views/layout.js';
import { NewsIndexPage } from '../views/news-index-page.js';
import { NewsletterPage } from '../views/newsletter-page.js';
import { SubscribePage, type SubscribeState } from '../views/subscribe-page.js';
import { UnsubscribePage } from '../views/unsubscribe-page.js';
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

// Addresses under /news that are pages of their own, not newsletters.
const reservedSlugs = new Set(['subscribe', 'unsubscribe']);
function checkSlug(slug: string): void {
  if (reservedSlugs.has(slug)) throw new AppError('validation_failed', 'That address is taken by a page of the site.', [{ field: 'slug', reason: 'is reserved' }]);
}

const subscribeEmail = z.string().trim().toLowerCase().max(254).pipe(z.email());

export type NewsletterRoutesOptions = { subscribeRateLimitPerMinute?: number };

export function registerNewsletterRoutes(app: ZodApp, services: Services, site: PublicSite, config: Config, options: NewsletterRoutesOptions = {}): void {
  const { newsletters, subscribers } = services.repositories;
  const secret = config.sessionSecret;
  const publicLimit = { rateLimit: { max: options.subscribeRateLimitPerMinute ?? 10, timeWindow: '1 minute' } };


  // ---- Public: archive, one page per issue, Atom feed ----
  site.register(app, { path: '/news', cache: true }, async ({ campaign, site: model }) => {
    const rows = await newsletters.listPublished(campaign.id, services.now());
    return { body: renderPage(createElement(NewsIndexPage, { site: model, newsletters: rows.map((n) => toNewsletterSummary(n, model.base, campaign.timeZone)) })) };
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

  // ---- Public: subscribing by email (double opt-in) and one-click unsubscribe ----
  const renderSubscribe = (context: PublicPageContext, state: SubscribeState, status = 200) => {
    void context.reply.header('cache-control', 'private, no-store');
    return { status, body: renderPage(createElement(SubscribePage, { site: context.site, state })) };
  };

  site.register(app, { path: '/news/subscribe' }, async (context) => renderSubscribe(context, { kind: 'form', csrfToken: context.reply.generateCsrf(), email: '', error: null }));

  // Same answer for a new address, a pending one and one already subscribed: the page never says
  // whether an address is on the list.
  site.register(app, { path: '/news/subscribe', method: 'POST', routeOptions: { config: publicLimit } }, async (context) => {
    const { request, campaign, site: model, locale } = context;
    const body = (request.body ?? {}) as Record<string, unknown>;
    const email = typeof body.email === 'string' ? body.email : '';
    if (typeof body.website === 'string' && body.website !== '') return renderSubscribe(context, { kind: 'check-email' });
    const parsed = subscribeEmail.safeParse(email);
    if (!parsed.success) return renderSubscribe(context, { kind: 'form', csrfToken: context.reply.generateCsrf(), email, error: locale.t('news.subscribe.error.email') }, 400);
    const row = await subscribers.request(campaign.id, parsed.data, locale.lang);
    if (row) {
      const url = `${model.siteUrl}/news/subscribe/confirm?s=${row.id}&t=${subscriptionToken(secret, 'confirm', row.id)}`;
      await services.mailer.send({
        to: row.email,
        kind: 'newsletter_subscribe',
        campaignId: campaign.id,
        subject: locale.t('mail.subscribe.subject', { campaign: campaign.name }),
        text: locale.t('mail.subscribe.body', { campaign: campaign.name, url }),
      });
    }
    return renderSubscribe(context, { kind: 'check-email' });
  });

  const linkParams = (query: unknown): { s: string; t: string } | null => {
    const parsed = z.object({ s: z.uuid(), t: z.string().min(10).max(100) }).safeParse(query);
    return parsed.success ? parsed.data : null;
  };

  site.register(app, { path: '/news/subscribe/confirm' }, async (context) => {
    const link = linkParams(context.request.query);
    const row = link && verifySubscriptionToken(secret, 'confirm', link.s, link.t) ? await subscribers.find(context.campaign.id, link.s) : undefined;
    if (!row) return renderSubscribe(context, { kind: 'invalid-link' }, 400);
    await subscribers.confirm(row.id, services.now());
    return renderSubscribe(context, { kind: 'confirmed' });
  });

  const unsubscribe = async (context: PublicPageContext, apply: boolean) => {
    void context.reply.header('cache-control', 'private, no-store');
    const link = linkParams(context.request.query);
    const row = link && verifySubscriptionToken(secret, 'unsubscribe', link.s, link.t) ? await subscribers.find(context.campaign.id, link.s) : undefined;
    const page = (state: Parameters<typeof UnsubscribePage>[0]['state'], status = 200) => ({ status, body: renderPage(createElement(UnsubscribePage, { site: context.site, state })) });
    if (!row || !link) return page({ kind: 'invalid-link' }, 400);
    if (!apply && !row.unsubscribedAt) return page({ kind: 'ask', email: row.email, action: `${context.site.base}/news/unsubscribe?s=${link.s}&t=${link.t}` });
    await subscribers.unsubscribe(row.id, services.now());
    return page({ kind: 'done' });
  };
  site.register(app, { path: '/news/unsubscribe' }, async (context) => unsubscribe(context, false));
  // RFC 8058 one-click: mail clients POST "List-Unsubscribe=One-Click" here without cookies, so
  // there is no CSRF token; the HMAC in the link is the authority.
  site.register(app, { path: '/news/unsubscribe', method: 'POST', routeOptions: { config: { ...publicLimit, csrf: false } } }, async (context) => unsubscribe(context, true));

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
          publishedOn: campaignDay(publishedAt, campaign.timeZone),
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
    const [rows, subscriberCount] = await Promise.all([newsletters.listAll(access.campaign.id), subscribers.countActive(access.campaign.id)]);
    return { newsletters: rows.map((n) => presentNewsletter(n, now)), subscriberCount };
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
    checkSlug(slug);
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
    if (body.slug) checkSlug(body.slug);
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
  // Emails a published newsletter to every confirmed subscriber, once. Each message carries
  // List-Unsubscribe and List-Unsubscribe-Post (RFC 8058) so mail clients offer one-click unsubscribe.
  app.post('/api/campaigns/:slug/newsletters/:id/send', { schema: { tags: ['newsletters'], params: idParams } }, async (request) => {
    const access = await requireCampaignAccess(services, request, request.params.slug, 'public.manage');
    const n = await newsletters.find(access.campaign.id, request.params.id);
    if (!n) throw new AppError('not_found', 'No such newsletter.');
    const now = services.now();
    if (!isNewsletterPublic(n, now)) throw new AppError('conflict', 'Publish the newsletter before sending it.', [{ field: 'status', reason: 'must be published' }]);
    if (!(await subscribers.claimSend(n.id, now))) throw new AppError('conflict', 'This newsletter was already sent.');
    const siteUrl = `${config.publicUrl}${access.campaign.isDefault ? '' : `/c/${access.campaign.slug}`}`;
    const webUrl = `${siteUrl}/news/${n.slug}`;
    const list = await subscribers.listActive(access.campaign.id);
    let sent = 0;
    for (const subscriber of list) {
      const unsubscribeUrl = `${siteUrl}/news/unsubscribe?s=${subscriber.id}&t=${subscriptionToken(secret, 'unsubscribe', subscriber.id)}`;
      const { t } = getTranslator(subscriber.lang);
      await services.mailer.send({
        to: subscriber.email,
        kind: 'newsletter',
        campaignId: access.campaign.id,
        subject: n.title,
        text: `${n.title}\n\n${n.bodyMarkdown}\n\n—\n${t('mail.newsletter.footer', { webUrl, unsubscribeUrl })}\n`,
        headers: { 'List-Unsubscribe': `<${unsubscribeUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
      });
      sent++;
    }
    await subscribers.recordSent(n.id, sent);
    return { sent };
  });
}
