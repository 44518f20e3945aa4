import { createElement } from 'react';
import { z } from 'zod';
import type { CampaignRow } from '../../db/repositories/campaigns-repository.js';
import type { Services } from '../../domain/create-services.js';
import { AppError } from '../../errors.js';
import { HomePage } from '../views/home-page.js';
import { renderPage } from '../views/layout.js';
import type { ZodApp } from '../zod-app.js';

export function registerPublicSiteRoutes(app: ZodApp, services: Services): void {
  const { campaigns } = services.repositories;

  async function renderHome(campaign: CampaignRow, base: string): Promise<string> {
    const roster = await campaigns.countRoster(campaign.id, new Date().toISOString().slice(0, 10));
    return renderPage(
      createElement(HomePage, {
        campaignName: campaign.name,
        statement: campaign.statement,
        counters: [
          { label: 'educators in the bargaining unit', value: roster.employees },
          { label: 'schools', value: roster.worksites },
        ],
        cardUrl: `${base}/card`,
      }),
    );
  }

  app.get('/', { schema: { hide: true } }, async (_request, reply) => {
    const campaign = await campaigns.findDefault();
    if (!campaign) return reply.type('text/html').send('<!doctype html><title>Unionhall</title><p>No campaign yet. <a href="/app/">Sign in</a> to create one.</p>');
    return reply.type('text/html; charset=utf-8').send(await renderHome(campaign, ''));
  });

  app.get('/c/:slug', { schema: { hide: true, params: z.object({ slug: z.string().max(80) }) } }, async (request, reply) => {
    const campaign = await campaigns.findBySlug(request.params.slug);
    if (!campaign) throw new AppError('not_found', 'No such campaign.');
    return reply.type('text/html; charset=utf-8').send(await renderHome(campaign, `/c/${campaign.slug}`));
  });
}
