import { createElement } from 'react';
import { pressContract } from '../../contracts/press.js';
import type { Services } from '../../domain/create-services.js';
import { createPressItem } from '../../domain/press/create-press-item.js';
import { deletePressItem } from '../../domain/press/delete-press-item.js';
import { findPressRelease } from '../../domain/press/find-press-release.js';
import { listPressItems } from '../../domain/press/list-press-items.js';
import { listPublicPress } from '../../domain/press/list-public-press.js';
import { updatePressItem } from '../../domain/press/update-press-item.js';
import { excerpt, markdownToText, renderMarkdown } from '../../domain/public-site/render-markdown.js';
import { operation, requesterOf } from '../operation.js';
import { presentPressItem } from '../presenters/public-content-presenter.js';
import { PublicNotFound, type PublicSite } from '../public-site.js';
import { renderPage } from '../views/layout.js';
import { PressPage, type PressCoverage } from '../views/press-page.js';
import { PressReleasePage } from '../views/press-release-page.js';
import type { ZodApp } from '../zod-app.js';

const tags = ['press'];
const c = pressContract;

export function registerPressRoutes(app: ZodApp, services: Services, site: PublicSite): void {
  site.register(app, { path: '/press', cache: true }, async ({ campaign, site: model, requester }) => {
    const rows = await services.read(listPublicPress, requester, { campaignId: campaign.id });
    const coverage = rows.flatMap((p): PressCoverage[] => (p.kind !== 'release' && p.url ? [{ kind: p.kind, outlet: p.outlet, headline: p.headline, date: p.publishedOn, url: p.url }] : []));
    const releases = rows.flatMap((p) => (p.kind === 'release' && p.slug ? [{ headline: p.headline, date: p.publishedOn, url: `${model.base}/press/${p.slug}`, lang: p.lang }] : []));
    return { body: renderPage(createElement(PressPage, { site: model, coverage, releases })) };
  });

  site.register(app, { path: '/press/:releaseSlug', cache: true }, async ({ campaign, site: model, params, requester }) => {
    const release = await services.read(findPressRelease, requester, { campaignId: campaign.id, releaseSlug: params.releaseSlug ?? '' });
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

  app.get('/api/campaigns/:slug/press', { schema: operation('listPressItems', c.listPressItems, { tags }) }, async (request) => {
    const rows = await services.read(listPressItems, requesterOf(request), { slug: request.params.slug });
    return { items: rows.map(presentPressItem) };
  });

  app.post('/api/campaigns/:slug/press', { schema: operation('createPressItem', c.createPressItem, { tags, status: 201 }) }, async (request, reply) => {
    const row = await services.execute(createPressItem, requesterOf(request), { slug: request.params.slug, item: request.body });
    site.cache.invalidateCampaign(row.campaignId);
    return reply.status(201).send({ item: presentPressItem(row) });
  });

  app.patch('/api/campaigns/:slug/press/:id', { schema: operation('updatePressItem', c.updatePressItem, { tags }) }, async (request) => {
    const row = await services.execute(updatePressItem, requesterOf(request), { slug: request.params.slug, itemId: request.params.id, changes: request.body });
    site.cache.invalidateCampaign(row.campaignId);
    return { item: presentPressItem(row) };
  });

  app.delete('/api/campaigns/:slug/press/:id', { schema: operation('deletePressItem', c.deletePressItem, { tags, status: 204 }) }, async (request, reply) => {
    const { campaignId } = await services.execute(deletePressItem, requesterOf(request), { slug: request.params.slug, itemId: request.params.id });
    site.cache.invalidateCampaign(campaignId);
    return reply.status(204).send();
  });
}
