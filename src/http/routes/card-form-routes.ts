import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { createElement } from 'react';
import { z } from 'zod';
import type { Config } from '../../config.js';
import type { CampaignRow } from '../../db/repositories/campaigns-repository.js';
import type { Services } from '../../domain/create-services.js';
import { splitCardText } from '../../domain/cards/card-text.js';
import { AppError } from '../../errors.js';
import { requestInfo } from '../plugins/authentication.js';
import { toAppError } from '../plugins/error-handler.js';
import { CardPage, CardProblemPage, CardsClosedPage, CardThanksPage, type CardFieldName, type CardPageModel } from '../views/card-page.js';
import { renderPage } from '../views/layout.js';
import type { ZodApp } from '../zod-app.js';

const field = z.string().max(2000).optional();
const cardForm = z.object({
  legal_name: field,
  email: field,
  phone: field,
  worksite_id: field,
  job_title: field,
  agree: field,
  signature: field,
  card_text_version: field,
  website: field, // the honeypot
  _csrf: field,
});
type CardForm = z.infer<typeof cardForm>;

const slugParams = z.object({ slug: z.string().min(1).max(80) });

// The public, confidential card page: `/card` for the instance's default campaign and
// `/c/:slug/card` for any other. Server-rendered, no JavaScript needed.
export function registerCardFormRoutes(app: ZodApp, services: Services, config: Config): void {
  const { campaigns } = services.repositories;
  const postLimit = { rateLimit: { max: config.cardFormRateLimitPerMinute, timeWindow: '1 minute' } };

  const base = (campaign: CampaignRow, isDefaultPath: boolean): string => (isDefaultPath ? '' : `/c/${campaign.slug}`);
  const html = (reply: FastifyReply, status: number, body: string) =>
    // Nothing on these pages may be cached by a shared device's browser or a proxy.
    reply.status(status).header('cache-control', 'no-store').type('text/html; charset=utf-8').send(body);

  async function renderForm(reply: FastifyReply, campaign: CampaignRow, homeUrl: string, values: CardForm, problems: { field: string; reason: string }[], status: number) {
    const form = await services.cards.formFor(campaign);
    if (!form) return html(reply, 404, renderPage(createElement(CardsClosedPage, { campaignName: campaign.name, homeUrl: homeUrl || '/' })));
    const employers = new Set(form.worksites.map((w) => w.employerName));
    const model: CardPageModel = {
      campaignName: campaign.name,
      homeUrl: homeUrl || '/',
      action: `${homeUrl}/card`,
      csrfToken: reply.generateCsrf(),
      cardTitle: form.text.title,
      cardTextParts: splitCardText(form.text.body),
      singleEmployer: employers.size === 1 ? ([...employers][0] ?? null) : null,
      cardTextVersion: form.text.version,
      worksites: form.worksites.map((w) => ({ id: w.id, name: w.name, employerName: w.employerName })),
      // The signer's own input comes back to them, never anything from the database.
      values: {
        legal_name: values.legal_name,
        email: values.email,
        phone: values.phone,
        worksite_id: values.worksite_id,
        job_title: values.job_title,
        agree: values.agree,
        signature: values.signature,
      } satisfies Partial<Record<CardFieldName, string>>,
      problems,
    };
    return html(reply, status, renderPage(createElement(CardPage, model)));
  }

  async function submit(request: FastifyRequest, reply: FastifyReply, campaign: CampaignRow, homeUrl: string, body: CardForm) {
    const thanks = () => html(reply, 200, renderPage(createElement(CardThanksPage, { campaignName: campaign.name, homeUrl: homeUrl || '/' })));
    // A bot filled the hidden field: it gets the ordinary thank-you, and nothing is recorded.
    if (body.website !== undefined && body.website.trim() !== '') return thanks();
    const result = await services.cards.signElectronic(campaign, body, requestInfo(request));
    if (!result.ok) return renderForm(reply, campaign, homeUrl, body, result.problems, 400);
    return thanks();
  }

  // The form is HTML for people, often without JavaScript: a refused post (expired form, cookies
  // blocked, too many tries) gets a page that says what to do, not a JSON error.
  const problemPage = (isDefaultPath: boolean) => async (err: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const appError = toAppError(err);
    if (appError.status >= 500) request.log.error({ err }, 'card form failed');
    const slug = (request.params as { slug?: string } | undefined)?.slug;
    const campaign = isDefaultPath ? await campaigns.findDefault() : slug ? await campaigns.findBySlug(slug) : undefined;
    const homeUrl = campaign && !isDefaultPath ? `/c/${campaign.slug}` : '/';
    const texts: Partial<Record<string, { title: string; message: string }>> = {
      csrf_invalid: {
        title: 'Please reload the card',
        message: 'The form expired, or your browser did not send back its security cookie. Allow cookies for this site, open the card again and sign.',
      },
      rate_limited: { title: 'Too many tries', message: 'Too many cards were sent from your network in the last minute. Wait a minute, then try again.' },
    };
    const text = texts[appError.code] ?? { title: 'Something went wrong', message: appError.status >= 500 ? 'Our server had a problem. Try again in a moment.' : appError.message };
    const formUrl = `${homeUrl === '/' ? '' : homeUrl}/card`;
    return html(reply, appError.status, renderPage(createElement(CardProblemPage, { campaignName: campaign?.name ?? 'Unionhall', homeUrl, formUrl, ...text })));
  };

  async function defaultCampaign(): Promise<CampaignRow> {
    const campaign = await campaigns.findDefault();
    if (!campaign) throw new AppError('not_found', 'No campaign yet.');
    return campaign;
  }
  async function campaignBySlug(slug: string): Promise<CampaignRow> {
    const campaign = await campaigns.findBySlug(slug);
    if (!campaign) throw new AppError('not_found', 'No such campaign.');
    return campaign;
  }

  app.get('/card', { schema: { hide: true } }, async (_request, reply) => {
    const campaign = await defaultCampaign();
    return renderForm(reply, campaign, base(campaign, true), {}, [], 200);
  });
  app.post('/card', { config: postLimit, errorHandler: problemPage(true), schema: { hide: true, body: cardForm } }, async (request, reply) => {
    const campaign = await defaultCampaign();
    return submit(request, reply, campaign, base(campaign, true), request.body);
  });
  app.get('/c/:slug/card', { schema: { hide: true, params: slugParams } }, async (request, reply) => {
    const campaign = await campaignBySlug(request.params.slug);
    return renderForm(reply, campaign, base(campaign, false), {}, [], 200);
  });
  app.post('/c/:slug/card', { config: postLimit, errorHandler: problemPage(false), schema: { hide: true, params: slugParams, body: cardForm } }, async (request, reply) => {
    const campaign = await campaignBySlug(request.params.slug);
    return submit(request, reply, campaign, base(campaign, false), request.body);
  });
}
