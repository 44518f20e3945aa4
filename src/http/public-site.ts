import type { FastifyReply, FastifyRequest, RouteShorthandOptions } from 'fastify';
import { createElement } from 'react';
import type { Config } from '../config.js';
import type { CampaignRow } from '../db/repositories/campaigns-repository.js';
import type { Services } from '../domain/create-services.js';
import { isAppError } from '../errors.js';
import { createPublicPageCache, type PublicPageCache } from './public-page-cache.js';
import { requestLocale, type RequestLocale } from './request-locale.js';
import { renderPage } from './views/layout.js';
import { NotFoundPage } from './views/not-found-page.js';
import type { SiteModel } from './views/site-chrome.js';
import type { ZodApp } from './zod-app.js';

export type PublicResponse = { body: string; type?: string; status?: number };

export type PublicPageContext = {
  request: FastifyRequest;
  reply: FastifyReply;
  campaign: CampaignRow;
  site: SiteModel;
  locale: RequestLocale;
  /** Route parameters other than the campaign's slug. */
  params: Record<string, string>;
};

/** Thrown (or returned as 404) by a page whose content does not exist or is not public. */
export class PublicNotFound extends Error {}

const HTML = 'text/html; charset=utf-8';

export function buildSiteModel(input: { campaignName: string; base: string; path: string; locale: RequestLocale; publicUrl: string }): SiteModel {
  return { campaignName: input.campaignName, base: input.base, siteUrl: `${input.publicUrl}${input.base}`, path: input.path, locale: input.locale };
}

/**
 * The public campaign site: every page exists for the instance's default campaign (`/news`) and
 * for any campaign by slug (`/c/{slug}/news`). `register` adds both routes, resolves the campaign,
 * the language and the site frame, renders a 404 page for missing content, and (with `cache`)
 * serves the page from memory for a few seconds.
 */
export function createPublicSite(services: Services, config: Config, options: { cacheTtlMs?: number } = {}) {
  const cache: PublicPageCache = createPublicPageCache({ ttlMs: options.cacheTtlMs ?? 5000, now: () => services.now().getTime() });
  const { campaigns } = services.repositories;

  async function resolveCampaign(slug: string | undefined): Promise<{ campaign: CampaignRow; base: string } | undefined> {
    const campaign = slug === undefined ? await campaigns.findDefault() : await campaigns.findBySlug(slug);
    if (!campaign) return undefined;
    return { campaign, base: slug === undefined ? '' : `/c/${campaign.slug}` };
  }

  function notFound(reply: FastifyReply, locale: RequestLocale, resolved: { campaign: CampaignRow; base: string } | undefined, path: string): FastifyReply {
    const site = buildSiteModel({ campaignName: resolved?.campaign.name ?? 'Unionhall', base: resolved?.base ?? '', path, locale, publicUrl: config.publicUrl });
    return reply.status(404).type(HTML).send(renderPage(createElement(NotFoundPage, { site })));
  }

  function register(
    app: ZodApp,
    spec: { path: string; method?: 'GET' | 'POST'; cache?: boolean; routeOptions?: RouteShorthandOptions },
    handler: (context: PublicPageContext) => Promise<PublicResponse | null>,
  ): void {
    const paths = spec.path === '' ? ['/', '/c/:slug'] : [spec.path, `/c/:slug${spec.path}`];
    for (const url of paths) {
      app.route({
        method: spec.method ?? 'GET',
        url,
        ...spec.routeOptions,
        schema: { hide: true },
        handler: async (request, reply) => {
          const locale = requestLocale(request, reply);
          const pathOnly = request.url.split('?')[0] ?? '/';
          const key = `${pathOnly}|${locale.lang}`;
          if (spec.cache) {
            const hit = cache.get(key);
            if (hit) return reply.type(hit.type).send(hit.body);
          }
          const { slug, ...params } = request.params as Record<string, string>;
          const resolved = await resolveCampaign(slug);
          const path = resolved ? pathOnly.slice(resolved.base.length) : pathOnly;
          if (!resolved && slug === undefined && spec.path === '') {
            return reply.type(HTML).send('<!doctype html><html lang="en"><head><title>Unionhall</title></head><body><main><p>No campaign yet. <a href="/app/">Sign in</a> to create one.</p></main></body></html>');
          }
          if (!resolved) return notFound(reply, locale, undefined, path);
          const site = buildSiteModel({ campaignName: resolved.campaign.name, base: resolved.base, path: path === '/' ? '' : path, locale, publicUrl: config.publicUrl });
          let response: PublicResponse | null;
          try {
            response = await handler({ request, reply, campaign: resolved.campaign, site, locale, params });
          } catch (err) {
            if (err instanceof PublicNotFound || (isAppError(err) && err.code === 'not_found')) return notFound(reply, locale, resolved, path);
            throw err;
          }
          if (response === null) return reply;
          const type = response.type ?? HTML;
          if (spec.cache && (response.status ?? 200) === 200) cache.set(key, { body: response.body, type, campaignId: resolved.campaign.id });
          return reply.status(response.status ?? 200).type(type).send(response.body);
        },
      });
    }
  }

  return { cache, register, resolveCampaign, publicUrl: config.publicUrl };
}

export type PublicSite = ReturnType<typeof createPublicSite>;
