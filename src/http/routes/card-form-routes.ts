import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { createElement } from 'react';
import { z } from 'zod';
import type { Config } from '../../config.js';
import type { CampaignRow } from '../../db/repositories/campaigns-repository.js';
import type { Services } from '../../domain/create-services.js';
import { findPublicCampaign } from '../../domain/campaigns/find-public-campaign.js';
import { splitCardText } from '../../domain/cards/card-text.js';
import { confirmCard } from '../../domain/cards/confirm-card.js';
import { loadCardConfirmation } from '../../domain/cards/load-card-confirmation.js';
import { loadCardForm } from '../../domain/cards/load-card-form.js';
import { signCard } from '../../domain/cards/sign-card.js';
import { anonymousRequester } from '../../domain/commands/requester.js';
import { requestInfo } from '../plugins/authentication.js';
import { logRequestError, toAppError } from '../plugins/error-handler.js';
import type { MessageKey } from '../../i18n/locales/en.js';
import { buildSiteModel, type PublicSite } from '../public-site.js';
import { requestLocale } from '../request-locale.js';
import { CardConfirmDonePage, CardConfirmInvalidPage, CardConfirmPage } from '../views/card-confirm-page.js';
import { CardPage, CardProblemPage, CardsClosedPage, CardThanksPage, type CardFieldName, type CardPageModel } from '../views/card-page.js';
import { renderPage } from '../views/layout.js';
import { NotFoundPage } from '../views/not-found-page.js';
import type { SiteModel } from '../views/site-chrome.js';
import type { ZodApp } from '../zod-app.js';

const field = z.string().max(2000).optional();
const cardForm = z.object({
  legal_name: field,
  email: field,
  phone: field,
  worksite_id: field,
  job_title: field,
  agree: field,
  updates: field,
  signature: field,
  card_text_version: field,
  website: field, // the honeypot
  _csrf: field,
});
type CardForm = z.infer<typeof cardForm>;

const slugParams = z.object({ slug: z.string().min(1).max(80) });
const confirmParams = slugParams.extend({ token: z.string().max(200) });
const confirmForm = z.object({ answer: z.enum(['signed', 'not_signed']), _csrf: field });

// The public, confidential card page: `/card` for the instance's default campaign and
// `/c/:slug/card` for any other. Server-rendered, no JavaScript needed, in English or Spanish in
// the public site's frame (the card's own text is never translated: it is what is signed).
export function registerCardFormRoutes(app: ZodApp, services: Services, config: Config, publicSite: PublicSite): void {
  const postLimit = { rateLimit: { max: config.cardFormRateLimitPerMinute, timeWindow: '1 minute' } };

  const html = (reply: FastifyReply, status: number, body: string) =>
    // Nothing on these pages may be cached by a shared device's browser or a proxy.
    reply.status(status).header('cache-control', 'no-store').type('text/html; charset=utf-8').send(body);

  /** The campaign of this address (undefined when there is none) and the frame of its pages, in the reader's language. */
  async function resolve(request: FastifyRequest, reply: FastifyReply, slug: string | null): Promise<{ campaign: CampaignRow | undefined; site: SiteModel }> {
    const locale = requestLocale(request, reply);
    const campaign = await services.read(findPublicCampaign, anonymousRequester(request.ip), { slug });
    const base = campaign && slug !== null ? `/c/${campaign.slug}` : '';
    const site = buildSiteModel({ campaignName: campaign?.name ?? 'Unionhall', base, path: '/card', locale, publicUrl: config.publicUrl, timeZone: campaign?.timeZone });
    return { campaign, site };
  }

  const notFound = (reply: FastifyReply, site: SiteModel) => html(reply, 404, renderPage(createElement(NotFoundPage, { site })));

  /** The form page's HTML and status: the card text and schools, the signer's own input, its problems. */
  async function formPage(campaign: CampaignRow, site: SiteModel, csrfToken: string, values: CardForm, problems: { field: string; reason: string }[], status: number) {
    const form = await services.read(loadCardForm, anonymousRequester(null), { campaign, lang: site.locale.lang });
    if (!form) return { status: 404, body: renderPage(createElement(CardsClosedPage, { site })) };
    const employers = new Set(form.worksites.map((w) => w.employerName));
    const model: CardPageModel = {
      site,
      action: `${site.base}/card`,
      csrfToken,
      cardTitle: form.text.title,
      cardTextParts: splitCardText(form.text.body),
      singleEmployer: employers.size === 1 ? ([...employers][0] ?? null) : null,
      cardTextVersion: form.text.version,
      cardTextLanguage: form.text.language,
      worksites: form.worksites.map((w) => ({ id: w.id, name: w.name, employerName: w.employerName })),
      // The signer's own input comes back to them, never anything from the database.
      values: {
        legal_name: values.legal_name,
        email: values.email,
        phone: values.phone,
        worksite_id: values.worksite_id,
        job_title: values.job_title,
        agree: values.agree,
        updates: values.updates,
        signature: values.signature,
      } satisfies Partial<Record<CardFieldName, string>>,
      problems,
    };
    return { status, body: renderPage(createElement(CardPage, model)) };
  }

  async function renderForm(reply: FastifyReply, campaign: CampaignRow, site: SiteModel, values: CardForm, problems: { field: string; reason: string }[], status: number) {
    const page = await formPage(campaign, site, reply.generateCsrf(), values, problems, status);
    return html(reply, page.status, page.body);
  }

  async function submit(request: FastifyRequest, reply: FastifyReply, slug: string | null, body: CardForm) {
    const { campaign, site } = await resolve(request, reply, slug);
    if (!campaign) return notFound(reply, site);
    const thanks = () => html(reply, 200, renderPage(createElement(CardThanksPage, { site })));
    // A bot filled the hidden field: it gets the ordinary thank-you, and nothing is recorded.
    if (body.website !== undefined && body.website.trim() !== '') return thanks();
    const { userAgent } = requestInfo(request);
    const result = await services.execute(signCard, anonymousRequester(request.ip), { campaign, form: body, lang: site.locale.lang, userAgent, publicUrl: config.publicUrl });
    if (!result.ok) return renderForm(reply, campaign, site, body, result.problems, 400);
    return thanks();
  }

  // The form is HTML for people, often without JavaScript: a refused post (expired form, cookies
  // blocked, too many tries) gets a page that says what to do, in their language, not a JSON error.
  const problemPage = (isDefaultPath: boolean) => async (err: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const appError = toAppError(err);
    if (appError.status >= 500) logRequestError(request, err, 'card form failed');
    const slug = (request.params as { slug?: string } | undefined)?.slug;
    // The page must render even when the database cannot say which campaign this is.
    const site = await resolve(request, reply, isDefaultPath ? null : (slug ?? ''))
      .then((r) => r.site)
      .catch(() => buildSiteModel({ campaignName: 'Unionhall', base: '', path: '/card', locale: requestLocale(request, reply), publicUrl: config.publicUrl }));
    const { t } = site.locale;
    const texts: Partial<Record<string, { title: MessageKey; message: MessageKey }>> = {
      csrf_invalid: { title: 'card.problem.expired.title', message: 'card.problem.expired.body' },
      rate_limited: { title: 'card.problem.tooMany.title', message: 'card.problem.tooMany.body' },
      not_found: { title: 'card.problem.invalid.title', message: 'card.problem.notFound.body' },
    };
    const text = texts[appError.code] ?? { title: 'card.problem.invalid.title', message: appError.status >= 500 ? 'card.problem.server.body' : 'card.problem.invalid.body' };
    return html(reply, appError.status, renderPage(createElement(CardProblemPage, { site, formUrl: `${site.base}/card`, title: t(text.title), message: t(text.message) })));
  };

  // The confirmation link of the card's confirmation message: GET shows the card and asks; only
  // the POST records the answer. Every link that names no card gets one page, whatever it was.
  async function confirmPage(request: FastifyRequest, reply: FastifyReply, slug: string, token: string) {
    const { campaign, site } = await resolve(request, reply, slug);
    if (!campaign) return notFound(reply, site);
    const card = await services.read(loadCardConfirmation, anonymousRequester(null), { campaign, token });
    if (!card) return html(reply, 404, renderPage(createElement(CardConfirmInvalidPage, { site })));
    if (card.answer) return html(reply, 200, renderPage(createElement(CardConfirmDonePage, { site, answer: card.answer })));
    return html(reply, 200, renderPage(createElement(CardConfirmPage, { site, action: `/c/${campaign.slug}/card/confirm/${token}`, csrfToken: reply.generateCsrf(), card })));
  }

  async function confirmAnswer(request: FastifyRequest, reply: FastifyReply, slug: string, token: string, answer: 'signed' | 'not_signed') {
    const { campaign, site } = await resolve(request, reply, slug);
    if (!campaign) return notFound(reply, site);
    const result = await services.execute(confirmCard, anonymousRequester(request.ip), { campaign, token, answer });
    if (!result.ok) return html(reply, 404, renderPage(createElement(CardConfirmInvalidPage, { site })));
    return html(reply, 200, renderPage(createElement(CardConfirmDonePage, { site, answer: result.answer })));
  }

  app.get('/c/:slug/card/confirm/:token', { schema: { hide: true, params: confirmParams } }, async (request, reply) => confirmPage(request, reply, request.params.slug, request.params.token));
  app.post('/c/:slug/card/confirm/:token', { config: postLimit, errorHandler: problemPage(false), schema: { hide: true, params: confirmParams, body: confirmForm } }, async (request, reply) =>
    confirmAnswer(request, reply, request.params.slug, request.params.token, request.body.answer),
  );

  // The empty form is the page a whole staff opens the morning the link goes out: rendered once per
  // language and filled in with each visitor's CSRF token (issue 16). Never stored (no-store).
  publicSite.register(app, { path: '/card', perVisitor: true }, async (context) => formPage(context.campaign, context.site, context.visitor.csrfToken(), {}, [], 200));
  app.post('/card', { config: postLimit, errorHandler: problemPage(true), schema: { hide: true, body: cardForm } }, async (request, reply) => submit(request, reply, null, request.body));
  app.post('/c/:slug/card', { config: postLimit, errorHandler: problemPage(false), schema: { hide: true, params: slugParams, body: cardForm } }, async (request, reply) =>
    submit(request, reply, request.params.slug, request.body),
  );
}
