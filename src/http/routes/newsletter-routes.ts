import { createElement } from 'react';
import { z } from 'zod';
import type { Config } from '../../config.js';
import { newslettersContract } from '../../contracts/newsletters.js';
import type { Services } from '../../domain/create-services.js';
import { confirmSubscription } from '../../domain/newsletters/confirm-subscription.js';
import { createNewsletter } from '../../domain/newsletters/create-newsletter.js';
import { deleteNewsletter } from '../../domain/newsletters/delete-newsletter.js';
import { findPublishedNewsletter } from '../../domain/newsletters/find-published-newsletter.js';
import { findSubscription } from '../../domain/newsletters/find-subscription.js';
import { listNewsletters } from '../../domain/newsletters/list-newsletters.js';
import { listPublishedNewsletters } from '../../domain/newsletters/list-published-newsletters.js';
import { previewNewsletter } from '../../domain/newsletters/preview-newsletter.js';
import { sendNewsletter } from '../../domain/newsletters/send-newsletter.js';
import { previewNewsletterEmail } from '../../domain/newsletters/preview-newsletter-email.js';
import { scheduleNewsletterSend } from '../../domain/newsletters/schedule-newsletter-send.js';
import { sendTestNewsletter } from '../../domain/newsletters/send-test-newsletter.js';
import { viewNewsletterDelivery } from '../../domain/newsletters/view-newsletter-delivery.js';
import { subscribeToNewsletter } from '../../domain/newsletters/subscribe-to-newsletter.js';
import { unsubscribeFromNewsletter } from '../../domain/newsletters/unsubscribe-from-newsletter.js';
import { unsubscribeNewsletterRecipient } from '../../domain/newsletters/unsubscribe-newsletter-recipient.js';
import { findNewsletterRecipient } from '../../domain/newsletters/find-newsletter-recipient.js';
import { chooseNewsletterAudience } from '../../domain/newsletters/choose-newsletter-audience.js';
import { viewNewsletterAudience } from '../../domain/newsletters/view-newsletter-audience.js';
import { recordUpdateConsent } from '../../domain/newsletters/record-update-consent.js';
import { updateNewsletter } from '../../domain/newsletters/update-newsletter.js';
import { viewNewsletter } from '../../domain/newsletters/view-newsletter.js';
import { getTranslator } from '../../i18n/translator.js';
import { isLanguage, type Language } from '../../vocabulary/languages.js';
import { buildNewsFeed } from '../../domain/public-site/news-feed.js';
import { excerpt, markdownToText, renderMarkdown } from '../../domain/public-site/render-markdown.js';
import { operation, requesterOf } from '../operation.js';
import { presentNewsletter } from '../presenters/public-content-presenter.js';
import { PublicNotFound, type PublicPageContext, type PublicSite } from '../public-site.js';
import { renderPage } from '../views/layout.js';
import { NewsIndexPage } from '../views/news-index-page.js';
import { NewsletterPage } from '../views/newsletter-page.js';
import { SubscribePage, type SubscribeState } from '../views/subscribe-page.js';
import { UnsubscribePage } from '../views/unsubscribe-page.js';
import { campaignDay, toNewsletterSummary } from '../views/to-view-models.js';
import type { ZodApp } from '../zod-app.js';

const tags = ['newsletters'];
const c = newslettersContract;
const subscribeEmail = z.string().trim().toLowerCase().max(254).pipe(z.email());
const linkQuery = z.object({ s: z.uuid(), t: z.string().min(10).max(100) });
// The link in a newsletter to someone who is not a subscriber signs the message (`m`) instead.
const recipientLinkQuery = z.object({ m: z.uuid(), t: z.string().min(10).max(100) });

export type NewsletterRoutesOptions = { subscribeRateLimitPerMinute?: number };

export function registerNewsletterRoutes(app: ZodApp, services: Services, site: PublicSite, config: Config, options: NewsletterRoutesOptions = {}): void {
  const secret = config.sessionSecret;
  const publicLimit = { rateLimit: { max: options.subscribeRateLimitPerMinute ?? 10, timeWindow: '1 minute' } };

  // ---- Public: archive, one page per issue, Atom feed ----
  site.register(app, { path: '/news', cache: true }, async ({ campaign, site: model, requester }) => {
    const rows = await services.read(listPublishedNewsletters, requester, { campaignId: campaign.id });
    return { body: renderPage(createElement(NewsIndexPage, { site: model, newsletters: rows.map((n) => toNewsletterSummary(n, model.base, campaign.timeZone)) })) };
  });

  // One Atom feed per language (`/news/es/feed.xml`); `/news/feed.xml` is the visitor's language's.
  const feed = async ({ campaign, site: model, requester }: PublicPageContext, lang: Language) => {
    const rows = await services.read(listPublishedNewsletters, requester, { campaignId: campaign.id, limit: 50, lang });
    const body = buildNewsFeed({
      campaignId: campaign.id,
      campaignName: campaign.name,
      title: getTranslator(lang).t('news.feedTitle', { campaign: campaign.name }),
      description: campaign.statement.split(/\n{2,}/)[0] ?? '',
      siteUrl: model.siteUrl,
      feedUrl: `${model.siteUrl}/news/${lang}/feed.xml`,
      lang,
      entries: rows.map((n) => ({
        id: n.id,
        slug: n.slug,
        lang: n.lang,
        title: n.title,
        summary: n.summary !== '' ? n.summary : excerpt(markdownToText(n.bodyMarkdown)),
        html: renderMarkdown(n.bodyMarkdown),
        publishedAt: n.publishAt ?? n.createdAt,
        updatedAt: n.updatedAt > (n.publishAt ?? n.createdAt) ? n.updatedAt : (n.publishAt ?? n.createdAt),
      })),
    });
    return { body, type: 'application/atom+xml; charset=utf-8' };
  };
  site.register(app, { path: '/news/feed.xml', cache: true }, async (context) => feed(context, context.locale.lang));
  site.register(app, { path: '/news/:feedLang/feed.xml', cache: true }, async (context) => {
    const lang = context.params.feedLang;
    if (!isLanguage(lang)) throw new PublicNotFound();
    return feed(context, lang);
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
    const { request, campaign, site: model, locale, requester } = context;
    const body = (request.body ?? {}) as Record<string, unknown>;
    const email = typeof body.email === 'string' ? body.email : '';
    if (typeof body.website === 'string' && body.website !== '') return renderSubscribe(context, { kind: 'check-email' });
    const parsed = subscribeEmail.safeParse(email);
    if (!parsed.success) return renderSubscribe(context, { kind: 'form', csrfToken: context.reply.generateCsrf(), email, error: locale.t('news.subscribe.error.email') }, 400);
    await services.execute(subscribeToNewsletter, requester, { campaign, email: parsed.data, lang: locale.lang, siteUrl: model.siteUrl, secret });
    return renderSubscribe(context, { kind: 'check-email' });
  });

  const linkOf = (context: PublicPageContext) => {
    const parsed = linkQuery.safeParse(context.request.query);
    return parsed.success ? { campaignId: context.campaign.id, subscriberId: parsed.data.s, token: parsed.data.t, secret } : null;
  };

  site.register(app, { path: '/news/subscribe/confirm' }, async (context) => {
    const link = linkOf(context);
    const confirmed = link ? await services.execute(confirmSubscription, context.requester, link) : false;
    return confirmed ? renderSubscribe(context, { kind: 'confirmed' }) : renderSubscribe(context, { kind: 'invalid-link' }, 400);
  });

  // Opening the link (or a mail scanner fetching it) only asks; the form's POST unsubscribes.
  const unsubscribe = async (context: PublicPageContext, apply: boolean) => {
    void context.reply.header('cache-control', 'private, no-store');
    const page = (state: Parameters<typeof UnsubscribePage>[0]['state'], status = 200) => ({ status, body: renderPage(createElement(UnsubscribePage, { site: context.site, state })) });
    const recipient = recipientLinkQuery.safeParse(context.request.query);
    if (recipient.success) {
      const link = { campaignId: context.campaign.id, mailId: recipient.data.m, token: recipient.data.t, secret };
      if (apply) return (await services.execute(unsubscribeNewsletterRecipient, context.requester, link)) ? page({ kind: 'done' }) : page({ kind: 'invalid-link' }, 400);
      const found = await services.read(findNewsletterRecipient, context.requester, link);
      if (!found) return page({ kind: 'invalid-link' }, 400);
      return found.unsubscribed ? page({ kind: 'done' }) : page({ kind: 'ask', email: found.address, action: `${context.site.base}/news/unsubscribe?m=${link.mailId}&t=${link.token}` });
    }
    const link = linkOf(context);
    if (!link) return page({ kind: 'invalid-link' }, 400);
    if (!apply) {
      const row = await services.read(findSubscription, context.requester, { ...link, purpose: 'unsubscribe' });
      if (!row) return page({ kind: 'invalid-link' }, 400);
      if (!row.unsubscribedAt) return page({ kind: 'ask', email: row.email, action: `${context.site.base}/news/unsubscribe?s=${link.subscriberId}&t=${link.token}` });
      return page({ kind: 'done' });
    }
    return (await services.execute(unsubscribeFromNewsletter, context.requester, link)) ? page({ kind: 'done' }) : page({ kind: 'invalid-link' }, 400);
  };
  site.register(app, { path: '/news/unsubscribe' }, async (context) => unsubscribe(context, false));
  // RFC 8058 one-click: mail clients POST "List-Unsubscribe=One-Click" here without cookies, so
  // there is no CSRF token; the HMAC in the link is the authority.
  site.register(app, { path: '/news/unsubscribe', method: 'POST', routeOptions: { config: { ...publicLimit, csrf: false } } }, async (context) => unsubscribe(context, true));

  site.register(app, { path: '/news/:newsSlug', cache: true }, async ({ campaign, site: model, params, requester }) => {
    const n = await services.read(findPublishedNewsletter, requester, { campaignId: campaign.id, newsletterSlug: params.newsSlug ?? '' });
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
  app.get('/api/campaigns/:slug/newsletters', { schema: operation('listNewsletters', c.listNewsletters, { tags }) }, async (request) => {
    const result = await services.read(listNewsletters, requesterOf(request), { slug: request.params.slug });
    return { newsletters: result.newsletters.map(presentNewsletter), subscriberCount: result.subscriberCount, timeZone: result.timeZone };
  });

  app.get('/api/campaigns/:slug/newsletters/:id', { schema: operation('viewNewsletter', c.viewNewsletter, { tags }) }, async (request) => {
    const view = await services.read(viewNewsletter, requesterOf(request), { slug: request.params.slug, newsletterId: request.params.id });
    return { newsletter: presentNewsletter(view), html: view.html };
  });

  app.post('/api/campaigns/:slug/newsletters/preview', { schema: operation('previewNewsletter', c.previewNewsletter, { tags }) }, async (request) =>
    services.read(previewNewsletter, requesterOf(request), { slug: request.params.slug, bodyMarkdown: request.body.bodyMarkdown }),
  );

  app.post('/api/campaigns/:slug/newsletters', { schema: operation('createNewsletter', c.createNewsletter, { tags, status: 201 }) }, async (request, reply) => {
    const view = await services.execute(createNewsletter, requesterOf(request), { slug: request.params.slug, newsletter: request.body });
    site.cache.invalidateCampaign(view.row.campaignId);
    return reply.status(201).send({ newsletter: presentNewsletter(view) });
  });

  app.patch('/api/campaigns/:slug/newsletters/:id', { schema: operation('updateNewsletter', c.updateNewsletter, { tags }) }, async (request) => {
    const view = await services.execute(updateNewsletter, requesterOf(request), { slug: request.params.slug, newsletterId: request.params.id, changes: request.body });
    site.cache.invalidateCampaign(view.row.campaignId);
    return { newsletter: presentNewsletter(view) };
  });

  app.delete('/api/campaigns/:slug/newsletters/:id', { schema: operation('deleteNewsletter', c.deleteNewsletter, { tags, status: 204 }) }, async (request, reply) => {
    const { campaignId } = await services.execute(deleteNewsletter, requesterOf(request), { slug: request.params.slug, newsletterId: request.params.id });
    site.cache.invalidateCampaign(campaignId);
    return reply.status(204).send();
  });

  app.put('/api/campaigns/:slug/newsletters/:id/send-schedule', { schema: operation('scheduleNewsletterSend', c.scheduleNewsletterSend, { tags }) }, async (request) => {
    const b = request.body;
    const target = 'sendOn' in b ? { sendOn: b.sendOn, sendTime: b.sendTime } : { sendAt: b.sendAt ? new Date(b.sendAt) : null };
    const result = await services.execute(scheduleNewsletterSend, requesterOf(request), { slug: request.params.slug, newsletterId: request.params.id, ...target });
    return { ...result, sendAt: result.sendAt?.toISOString() ?? null };
  });

  // The email's HTML opened in its own tab: its inline styles are allowed here only, and the
  // sandbox keeps any link or form in it from acting as this origin.
  app.get('/api/campaigns/:slug/newsletters/:id/email-preview', { schema: operation('previewNewsletterEmail', c.previewNewsletterEmail, { tags, produces: 'text/html' }) }, async (request, reply) => {
    const { html } = await services.read(previewNewsletterEmail, requesterOf(request), { slug: request.params.slug, newsletterId: request.params.id, publicUrl: config.publicUrl });
    return reply
      .type('text/html; charset=utf-8')
      .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; img-src https: data:; sandbox allow-popups allow-popups-to-escape-sandbox")
      .header('cache-control', 'private, no-store')
      .send(html);
  });

  app.post('/api/campaigns/:slug/newsletters/:id/test-send', { schema: operation('sendTestNewsletter', c.sendTestNewsletter, { tags }) }, async (request) =>
    services.execute(sendTestNewsletter, requesterOf(request), { slug: request.params.slug, newsletterId: request.params.id, publicUrl: config.publicUrl }),
  );

  app.get('/api/campaigns/:slug/newsletters/:id/delivery', { schema: operation('viewNewsletterDelivery', c.viewNewsletterDelivery, { tags }) }, async (request) => {
    const view = await services.read(viewNewsletterDelivery, requesterOf(request), { slug: request.params.slug, newsletterId: request.params.id });
    return { ...view, sentAt: view.sentAt?.toISOString() ?? null };
  });

  // An educator's consent to updates at a personal address, told in a conversation or by subscribing.
  app.post('/api/campaigns/:slug/people/:personId/update-consents', { schema: operation('recordUpdateConsent', c.recordUpdateConsent, { tags, status: 201 }) }, async (request, reply) => {
    const b = request.body;
    const source = b.source === 'conversation' ? { kind: 'conversation' as const, address: b.address, lang: b.lang } : { kind: 'subscription' as const, subscriberId: b.subscriberId };
    const row = await services.execute(recordUpdateConsent, requesterOf(request), { slug: request.params.slug, personId: request.params.personId, source, givenOn: b.givenOn });
    return reply.status(201).send({ id: row.id, source: row.source, givenOn: row.givenOn, lang: row.lang });
  });

  app.put('/api/campaigns/:slug/newsletters/:id/audience', { schema: operation('chooseNewsletterAudience', c.chooseNewsletterAudience, { tags }) }, async (request) => {
    const view = await services.execute(chooseNewsletterAudience, requesterOf(request), { slug: request.params.slug, newsletterId: request.params.id, ...request.body });
    return { newsletter: presentNewsletter(view) };
  });

  // Who the newsletter would reach now, beyond subscribers (an audited read: it can name educators).
  app.get('/api/campaigns/:slug/newsletters/:id/audience', { schema: operation('viewNewsletterAudience', c.viewNewsletterAudience, { tags }) }, async (request) =>
    services.execute(viewNewsletterAudience, requesterOf(request), { slug: request.params.slug, newsletterId: request.params.id }),
  );

  // Records one email per confirmed subscriber, with the send's claim; the outbox delivers them.
  app.post('/api/campaigns/:slug/newsletters/:id/send', { schema: operation('sendNewsletter', c.sendNewsletter, { tags }) }, async (request) =>
    services.execute(sendNewsletter, requesterOf(request), { slug: request.params.slug, newsletterId: request.params.id, publicUrl: config.publicUrl, secret }),
  );
}
