import { publicNumbersContract } from '../../contracts/public-numbers.js';
import type { Services } from '../../domain/create-services.js';
import { previewPublicNumbers } from '../../domain/public-numbers/preview-public-numbers.js';
import { publishPublicNumbers } from '../../domain/public-numbers/publish-public-numbers.js';
import { setPublicNumbersSettings } from '../../domain/public-numbers/set-public-numbers-settings.js';
import { operation, requesterOf } from '../operation.js';
import { presentPublication } from '../presenters/public-numbers-presenter.js';
import type { PublicSite } from '../public-site.js';
import type { ZodApp } from '../zod-app.js';

const tags = ['public-numbers'];
const c = publicNumbersContract;

// The support numbers the public site shows are published, not live (decision 0023): a preview,
// "publish current numbers", and the campaign's granularity and automatic publication.
export function registerPublicNumbersRoutes(app: ZodApp, services: Services, site: Pick<PublicSite, 'cache'>): void {
  app.get('/api/campaigns/:slug/public-numbers', { schema: operation('previewPublicNumbers', c.previewPublicNumbers, { tags }) }, async (request) => {
    const preview = await services.read(previewPublicNumbers, requesterOf(request), request.params);
    return { current: preview.current, publications: preview.publications.map(presentPublication), autoPublish: preview.autoPublish };
  });

  app.post('/api/campaigns/:slug/public-numbers', { schema: operation('publishPublicNumbers', c.publishPublicNumbers, { tags, status: 201 }) }, async (request, reply) => {
    const row = await services.execute(publishPublicNumbers, requesterOf(request), request.params);
    // The home page shows the new numbers at once, not after its few seconds of cache.
    site.cache.invalidateCampaign(row.campaignId);
    return reply.status(201).send({ publication: presentPublication(row) });
  });

  app.put('/api/campaigns/:slug/public-numbers/settings', { schema: operation('setPublicNumbersSettings', c.setPublicNumbersSettings, { tags }) }, async (request) => {
    return services.execute(setPublicNumbersSettings, requesterOf(request), { ...request.params, ...request.body });
  });
}
