import { createElement } from 'react';
import { z } from 'zod';
import { pressKinds } from '../../db/schema/public-site.js';
import type { Services } from '../../domain/create-services.js';
import { excerpt, markdownToText, renderMarkdown } from '../../domain/public-site/render-markdown.js';
import { slugify, slugPattern } from '../../domain/public-site/slugify.js';
import { AppError } from '../../errors.js';
import { requireCampaignAccess } from '../campaign-access.js';
import { presentPressItem } from '../presenters/public-content-presenter.js';
import { PublicNotFound, type PublicSite } from '../public-site.js';
import { renderPage } from '../views/layout.js';
import { PressPage, type PressCoverage } from '../views/press-page.js';
import { PressReleasePage } from '../views/press-release-page.js';
import type { ZodApp } from '../zod-app.js';

const slugParams = z.object({ slug: z.string().min(1).max(80) });
const idParams = slugParams.extend({ id: z.uuid('is not an id') });
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD');
const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) link' }).max(2000);

const fields = {
  kind: z.enum(pressKinds),
  outlet: z.string().trim().max(200),
  headline: z.string().trim().min(1, 'is required').max(300),
  publishedOn: isoDate,
  url: httpUrl.nullable(),
  slug: z.string().trim().max(80).regex(slugPattern, 'use lower-case letters, digits and dashes').nullable(),
  bodyMarkdown: z.string().max(200_000),
  lang: z.enum(['en', 'es']),
  isPublic: z.boolean(),
};
const createBody = z.object({
  ...fields,
  outlet: fields.outlet.default(''),
  url: fields.url.optional(),
  slug: fields.slug.optional(),
  bodyMarkdown: fields.bodyMarkdown.default(''),
  lang: fields.lang.default('en'),
  isPublic: fields.isPublic.default(true),
});
const updateBody = z.object(fields).partial();

type PressShape = { kind: (typeof pressKinds)[number]; outlet: string; url: string | null; slug: string | null; bodyMarkdown: string };

// Coverage is someone else's article (outlet and link required); a release is ours (text required).
function checkPressShape(item: PressShape): void {
  if (item.kind === 'release') {
    if (item.bodyMarkdown.trim() === '') throw new AppError('validation_failed', 'A press release needs its text.', [{ field: 'bodyMarkdown', reason: 'is required for a release' }]);
  } else {
    const problems = [
      ...(item.outlet === '' ? [{ field: 'outlet', reason: 'is required for coverage' }] : []),
      ...(!item.url ? [{ field: 'url', reason: 'is required for coverage' }] : []),
    ];
    if (problems.length > 0) throw new AppError('validation_failed', 'Coverage needs its outlet and link.', problems);
  }
}

export function registerPressRoutes(app: ZodApp, services: Services, site: PublicSite): void {
  const { press } = services.repositories;

  site.register(app, { path: '/press', cache: true }, async ({ campaign, site: model }) => {
    const rows = await press.listPublic(campaign.id);
    const coverage = rows.flatMap((p): PressCoverage[] => (p.kind !== 'release' && p.url ? [{ kind: p.kind, outlet: p.outlet, headline: p.headline, date: p.publishedOn, url: p.url }] : []));
    const releases = rows.flatMap((p) => (p.kind === 'release' && p.slug ? [{ headline: p.headline, date: p.publishedOn, url: `${model.base}/press/${p.slug}`, lang: p.lang }] : []));
    return { body: renderPage(createElement(PressPage, { site: model, coverage, releases })) };
  });

  site.register(app, { path: '/press/:releaseSlug', cache: true }, async ({ campaign, site: model, params }) => {
    const release = await press.findPublicRelease(campaign.id, params.releaseSlug ?? '');
    if (!release) throw new PublicNotFound();
    return {
      body: renderPage(
        createElement(PressReleasePage, {
          site: model,
          headline: release.headline,
          date: release.publishedOn,
          html: renderMarkdown(release.bodyMarkdown),
          summary: excerpt(markdownToText(release.bodyMarkdown)),
          lang: release.lang,
        }),
      ),
    };
  });

  app.get('/api/campaigns/:slug/press', { schema: { tags: ['press'], params: slugParams } }, async (request) => {
    const access = await requireCampaignAccess(services, request, request.params.slug, 'public.manage');
    return { items: (await press.listAll(access.campaign.id)).map(presentPressItem) };
  });

  app.post('/api/campaigns/:slug/press', { schema: { tags: ['press'], params: slugParams, body: createBody } }, async (request, reply) => {
    const access = await requireCampaignAccess(services, request, request.params.slug, 'public.manage');
    const body = request.body;
    const slug = body.kind === 'release' ? (body.slug ?? slugify(body.headline)) : null;
    const item = { ...body, url: body.url ?? null, slug };
    checkPressShape(item);
    if (slug && (await press.slugTaken(access.campaign.id, slug))) throw new AppError('conflict', 'Another release has that address.', [{ field: 'slug', reason: 'is already used' }]);
    const row = await press.create({ campaignId: access.campaign.id, ...item });
    site.cache.invalidateCampaign(access.campaign.id);
    return reply.status(201).send({ item: presentPressItem(row) });
  });

  app.patch('/api/campaigns/:slug/press/:id', { schema: { tags: ['press'], params: idParams, body: updateBody } }, async (request) => {
    const access = await requireCampaignAccess(services, request, request.params.slug, 'public.manage');
    const existing = await press.find(access.campaign.id, request.params.id);
    if (!existing) throw new AppError('not_found', 'No such press item.');
    const b = request.body;
    const merged = {
      kind: b.kind ?? existing.kind,
      outlet: b.outlet ?? existing.outlet,
      headline: b.headline ?? existing.headline,
      publishedOn: b.publishedOn ?? existing.publishedOn,
      url: b.url === undefined ? existing.url : b.url,
      slug: b.slug === undefined ? existing.slug : b.slug,
      bodyMarkdown: b.bodyMarkdown ?? existing.bodyMarkdown,
      lang: b.lang ?? existing.lang,
      isPublic: b.isPublic ?? existing.isPublic,
    };
    if (merged.kind === 'release' && !merged.slug) merged.slug = slugify(merged.headline);
    if (merged.kind !== 'release') merged.slug = null;
    checkPressShape(merged);
    if (merged.slug && (await press.slugTaken(access.campaign.id, merged.slug, existing.id))) throw new AppError('conflict', 'Another release has that address.', [{ field: 'slug', reason: 'is already used' }]);
    const row = await press.update(
      access.campaign.id,
      existing.id,
      merged,
      services.now(),
    );
    if (!row) throw new AppError('not_found', 'No such press item.');
    site.cache.invalidateCampaign(access.campaign.id);
    return { item: presentPressItem(row) };
  });

  app.delete('/api/campaigns/:slug/press/:id', { schema: { tags: ['press'], params: idParams } }, async (request, reply) => {
    const access = await requireCampaignAccess(services, request, request.params.slug, 'public.manage');
    if (!(await press.remove(access.campaign.id, request.params.id))) throw new AppError('not_found', 'No such press item.');
    site.cache.invalidateCampaign(access.campaign.id);
    return reply.status(204).send();
  });
}
