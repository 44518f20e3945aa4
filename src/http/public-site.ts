import { randomUUID } from 'node:crypto';
import type { FastifyReply, FastifyRequest, RouteShorthandOptions } from 'fastify';
import { createElement } from 'react';
import type { Config } from '../config.js';
import type { CampaignRow } from '../db/repositories/campaigns-repository.js';
import { findPublicCampaign } from '../domain/campaigns/find-public-campaign.js';
import { anonymousRequester, type Requester } from '../domain/commands/requester.js';
import type { Services } from '../domain/create-services.js';
import { isAppError } from '../errors.js';
import { campaignTimeZone } from '../i18n/translator.js';
import { createPublicPageCache, type PublicPageCache, type RenderedPage } from './public-page-cache.js';
import { languageOf, requestLocale, type RequestLocale } from './request-locale.js';
import { renderPage } from './views/layout.js';
import { FormProblemPage, NotFoundPage } from './views/not-found-page.js';
import { toAppError } from './plugins/error-handler.js';
import type { SiteModel } from './views/site-chrome.js';
import type { ZodApp } from './zod-app.js';

export type PublicResponse = { body: string; type?: string; status?: number };

export type PublicPageContext = {
  request: FastifyRequest;
  reply: FastifyReply;
  campaign: CampaignRow;
  site: SiteModel;
  locale: RequestLocale;
  /** The visitor, as commands see them (anonymous, by IP). */
  requester: Requester;
  /** Route parameters other than the campaign's slug. */
  params: Record<string, string>;
  /**
   * The visitor's own form values: real ones, or (on a `perVisitor` page being rendered once for
   * everyone) markers that each request replaces with a fresh value.
   */
  visitor: VisitorValues;
};

/** What differs between two visitors of a form page: the CSRF token and the proof-of-work challenge (JSON). */
export type VisitorValues = { csrfToken: () => string; challenge: () => Promise<string> };

// Markers of per-visitor values in a page rendered once (random per process, so no text an
// organizer writes can contain one). Inserted in attribute values: escaped as React would.
const CSRF_MARKER = `uh-csrf-${randomUUID()}`;
const CHALLENGE_MARKER = `uh-challenge-${randomUUID()}`;
const templateValues: VisitorValues = { csrfToken: () => CSRF_MARKER, challenge: async () => CHALLENGE_MARKER };
const escapeAttribute = (value: string): string => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/'/g, '&#x27;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Thrown (or returned as 404) by a page whose content does not exist or is not public. */
export class PublicNotFound extends Error {}

const HTML = 'text/html; charset=utf-8';
const noCampaignPage = '<!doctype html><html lang="en"><head><title>Unionhall</title></head><body><main><p>No campaign yet. <a href="/app/">Sign in</a> to create one.</p></main></body></html>';

export function buildSiteModel(input: { campaignName: string; base: string; path: string; locale: RequestLocale; publicUrl: string; timeZone?: string }): SiteModel {
  return { campaignName: input.campaignName, base: input.base, siteUrl: `${input.publicUrl}${input.base}`, path: input.path, locale: input.locale, timeZone: input.timeZone ?? campaignTimeZone };
}

/**
 * The public campaign site: every page exists for the instance's default campaign (`/news`) and
 * for any campaign by slug (`/c/{slug}/news`). `register` adds both routes, resolves the campaign,
 * the language and the site frame, renders a 404 page for missing content, and (with `cache`)
 * serves the page from memory for a few seconds.
 */
export function createPublicSite(services: Services, config: Config, options: { cacheTtlMs?: number } = {}) {
  const local = createPublicPageCache({ ttlMs: options.cacheTtlMs ?? 5000, now: () => services.now().getTime() });
  // Every app process keeps its own pages; a change made through any of them reaches all of them
  // through PostgreSQL (LISTEN/NOTIFY), so none serves an edited or deleted page past the moment
  // the notification arrives. Missed notifications (the listening connection was lost) drop all.
  // Other caches of public data (the OSDI petition collection) are dropped with the pages, at
  // once in this process and on the notification in the others.
  const listeners: (() => void)[] = [];
  const tellListeners = () => {
    for (const listener of listeners) listener();
  };
  services.notifications.subscribe(
    'public_pages',
    (campaignId) => {
      if (campaignId === '*') local.clear();
      else local.invalidateCampaign(campaignId);
      tellListeners();
    },
    () => {
      local.clear();
      tellListeners();
    },
  );
  const cache: PublicPageCache & { onInvalidate: (listener: () => void) => void } = {
    ...local,
    invalidateCampaign(campaignId: string): void {
      local.invalidateCampaign(campaignId);
      tellListeners();
      void services.notifications.publish('public_pages', campaignId).catch(() => undefined);
    },
    clear(): void {
      local.clear();
      tellListeners();
      void services.notifications.publish('public_pages', '*').catch(() => undefined);
    },
    onInvalidate(listener: () => void): void {
      listeners.push(listener);
    },
  };
  // Public reads run on the pool, without a transaction (decision 0017): pages stay fast.
  const visitor = anonymousRequester(null);

  async function resolveCampaign(slug: string | undefined): Promise<{ campaign: CampaignRow; base: string } | undefined> {
    const campaign = await services.read(findPublicCampaign, visitor, { slug: slug ?? null });
    if (!campaign) return undefined;
    return { campaign, base: slug === undefined ? '' : `/c/${campaign.slug}` };
  }

  function notFound(locale: RequestLocale, resolved: { campaign: CampaignRow; base: string } | undefined, path: string) {
    const site = buildSiteModel({ campaignName: resolved?.campaign.name ?? 'Unionhall', base: resolved?.base ?? '', path, locale, publicUrl: config.publicUrl });
    return { body: renderPage(createElement(NotFoundPage, { site })), type: HTML, status: 404, campaignId: resolved?.campaign.id ?? '' };
  }

  /**
   * Serves fresh cached pages before routing's later stages (body parsing, authentication, CSRF,
   * validation) run: a cached page is the same for everyone who reads it in that language. Keys
   * exist only for routes registered with `cache: true`, so any other URL passes through.
   */
  function registerFastPath(app: ZodApp): void {
    app.addHook('onRequest', (request, reply, done) => {
      const url = request.url;
      if (request.method !== 'GET' || url.startsWith('/api/') || url.startsWith('/app') || url.startsWith('/assets/')) return done();
      const pathOnly = url.split('?')[0] ?? '/';
      const hit = cache.peekFresh(`${pathOnly}|${languageOf(request)}`);
      if (!hit) return done();
      requestLocale(request, reply); // the language cookie and Vary, as the page route would set them
      void reply.status(hit.status).type(hit.type).send(hit.bytes);
    });
  }

  function register(
    app: ZodApp,
    spec: {
      path: string;
      method?: 'GET' | 'POST';
      /** The page is the same for every visitor in a language: served from memory for a few seconds. */
      cache?: boolean;
      /**
       * The page is the same for every visitor but for their CSRF token and challenge: rendered
       * once (cached as `cache` does) and filled in per request, never stored by anyone (no-store).
       */
      perVisitor?: boolean;
      routeOptions?: RouteShorthandOptions;
    },
    handler: (context: PublicPageContext) => Promise<PublicResponse | null>,
  ): void {
    const paths = spec.path === '' ? ['/', '/c/:slug'] : [spec.path, `/c/:slug${spec.path}`];
    for (const url of paths) {
      app.route({
        method: spec.method ?? 'GET',
        url,
        ...spec.routeOptions,
        schema: { hide: true },
        // A person sending a form gets a page in their language, not JSON, when the form expired
        // (CSRF) or they sent too many; anything else goes to the app's error handler.
        ...(spec.method === 'POST'
          ? {
              errorHandler: async (err: unknown, request: FastifyRequest, reply: FastifyReply) => {
                const appError = toAppError(err);
                if (appError.code !== 'csrf_invalid' && appError.code !== 'rate_limited') throw err;
                const locale = requestLocale(request, reply);
                const resolved = await resolveCampaign((request.params as Record<string, string | undefined>).slug).catch(() => undefined);
                const site = buildSiteModel({ campaignName: resolved?.campaign.name ?? 'Unionhall', base: resolved?.base ?? '', path: '', locale, publicUrl: config.publicUrl });
                const problem = appError.code === 'csrf_invalid' ? 'expired' : 'too-many';
                return reply.status(appError.status).type(HTML).send(renderPage(createElement(FormProblemPage, { site, problem })));
              },
            }
          : {}),
        handler: async (request, reply) => {
          const locale = requestLocale(request, reply);
          const pathOnly = request.url.split('?')[0] ?? '/';
          const { slug, ...params } = request.params as Record<string, string>;
          const ownValues: VisitorValues = { csrfToken: () => reply.generateCsrf(), challenge: async () => JSON.stringify(await services.proofOfWork.challenge(services.now())) };
          const produce = async (visitor: VisitorValues): Promise<RenderedPage> => {
            const resolved = await resolveCampaign(slug);
            const path = resolved ? pathOnly.slice(resolved.base.length) : pathOnly;
            if (!resolved && slug === undefined && spec.path === '') {
              return { body: noCampaignPage, type: HTML, status: 200, campaignId: '', cacheable: false };
            }
            if (!resolved) return { ...notFound(locale, undefined, path), cacheable: false };
            const site = buildSiteModel({ campaignName: resolved.campaign.name, base: resolved.base, path: path === '/' ? '' : path, locale, publicUrl: config.publicUrl, timeZone: resolved.campaign.timeZone });
            try {
              const response = await handler({ request, reply, campaign: resolved.campaign, site, locale, requester: anonymousRequester(request.ip), params, visitor });
              if (response === null) return { body: '', type: '', status: 0, campaignId: resolved.campaign.id, cacheable: false };
              const status = response.status ?? 200;
              return { body: response.body, type: response.type ?? HTML, status, campaignId: resolved.campaign.id, cacheable: status === 200 };
            } catch (err) {
              if (err instanceof PublicNotFound || (isAppError(err) && err.code === 'not_found')) return { ...notFound(locale, resolved, path), cacheable: false };
              throw err;
            }
          };
          // Cached pages are the same for every visitor in a language (the key): their handlers
          // never touch `reply`, so one render can answer many requests.
          if (spec.perVisitor) {
            // Rendering was most of a form page's cost (issue 16): one render per language serves
            // everyone, and each answer gets its own token and challenge in place of the markers.
            const page = await cache.get(`${pathOnly}|${locale.lang}|per-visitor`, () => produce(templateValues));
            if (page.status === 0) return reply;
            void reply.header('cache-control', 'no-store');
            return reply.status(page.status).type(page.type).send(await fillVisitorValues(page.body, ownValues));
          }
          const page = spec.cache ? await cache.get(`${pathOnly}|${locale.lang}`, () => produce(ownValues)) : await produce(ownValues);
          if (page.status === 0) return reply; // the handler answered itself
          return reply.status(page.status).type(page.type).send(page.body);
        },
      });
    }
  }

  return { cache, register, registerFastPath, resolveCampaign, publicUrl: config.publicUrl };
}

/** A page rendered with the markers, with this visitor's values in their place (a value is made only if its marker is there). */
async function fillVisitorValues(template: string, values: VisitorValues): Promise<string> {
  let body = template;
  if (body.includes(CSRF_MARKER)) body = body.split(CSRF_MARKER).join(escapeAttribute(values.csrfToken()));
  if (body.includes(CHALLENGE_MARKER)) body = body.split(CHALLENGE_MARKER).join(escapeAttribute(await values.challenge()));
  return body;
}

export type PublicSite = ReturnType<typeof createPublicSite>;
