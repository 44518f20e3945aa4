import { createElement } from 'react';
import { ENDORSEMENT_UPLOAD_LIMIT, endorsementsContract } from '../../contracts/endorsements.js';
import type { Services } from '../../domain/create-services.js';
import { createEndorsement } from '../../domain/endorsements/create-endorsement.js';
import { deleteEndorsement } from '../../domain/endorsements/delete-endorsement.js';
import { findPublicEndorsementDocument } from '../../domain/endorsements/find-public-endorsement-document.js';
import { listEndorsements } from '../../domain/endorsements/list-endorsements.js';
import { listPublicEndorsements } from '../../domain/endorsements/list-public-endorsements.js';
import { updateEndorsement } from '../../domain/endorsements/update-endorsement.js';
import { viewEndorsementDocument } from '../../domain/endorsements/view-endorsement-document.js';
import { formatContentDisposition } from '../../documents/content-disposition.js';
import { operation, requesterOf } from '../operation.js';
import { presentEndorsement } from '../presenters/public-content-presenter.js';
import { PublicNotFound, type PublicSite } from '../public-site.js';
import { EndorsementsPage } from '../views/endorsements-page.js';
import { renderPage } from '../views/layout.js';
import { toEndorsementCard } from '../views/to-view-models.js';
import type { ZodApp } from '../zod-app.js';

const tags = ['endorsements'];
const c = endorsementsContract;

export function registerEndorsementRoutes(app: ZodApp, services: Services, site: PublicSite): void {
  // ---- Public: the wall, grouped by level, and the public letters ----
  site.register(app, { path: '/endorsements', cache: true }, async ({ campaign, site: model, requester }) => {
    const grouped = await services.read(listPublicEndorsements, requester, { campaignId: campaign.id });
    const groups = grouped.map((g) => ({ group: g.group, items: g.items.map((e) => toEndorsementCard(e, model.base)) }));
    return { body: renderPage(createElement(EndorsementsPage, { site: model, groups })) };
  });

  // A letter's URL is its SHA-256: stable, and proof that the file is the one uploaded. Served
  // only while its endorsement is public.
  site.register(app, { path: '/endorsements/documents/:sha256' }, async ({ campaign, params, reply, requester }) => {
    const doc = await services.read(findPublicEndorsementDocument, requester, { campaignId: campaign.id, sha256: params.sha256 ?? '' });
    if (!doc) throw new PublicNotFound();
    await reply
      .type('application/pdf')
      .header('content-disposition', formatContentDisposition(doc.filename, 'inline'))
      .header('cache-control', 'public, max-age=300')
      .header('etag', `"${doc.sha256}"`)
      .send(doc.bytes);
    return null;
  });

  // ---- Organizers (public.manage) ----
  app.get('/api/campaigns/:slug/endorsements', { schema: operation('listEndorsements', c.listEndorsements, { tags }) }, async (request) => {
    const rows = await services.read(listEndorsements, requesterOf(request), { slug: request.params.slug });
    return { endorsements: rows.map((e) => presentEndorsement(e, request.params.slug)) };
  });

  app.post(
    '/api/campaigns/:slug/endorsements',
    { bodyLimit: ENDORSEMENT_UPLOAD_LIMIT, schema: operation('createEndorsement', c.createEndorsement, { tags, status: 201 }) },
    async (request, reply) => {
      const { document, ...endorsement } = request.body;
      const row = await services.execute(createEndorsement, requesterOf(request), { slug: request.params.slug, endorsement, document });
      site.cache.invalidateCampaign(row.campaignId);
      return reply.status(201).send({ endorsement: presentEndorsement(row, request.params.slug) });
    },
  );

  app.patch(
    '/api/campaigns/:slug/endorsements/:id',
    { bodyLimit: ENDORSEMENT_UPLOAD_LIMIT, schema: operation('updateEndorsement', c.updateEndorsement, { tags }) },
    async (request) => {
      const { document, ...changes } = request.body;
      const row = await services.execute(updateEndorsement, requesterOf(request), { slug: request.params.slug, endorsementId: request.params.id, changes, document });
      site.cache.invalidateCampaign(row.campaignId);
      return { endorsement: presentEndorsement(row, request.params.slug) };
    },
  );

  app.delete('/api/campaigns/:slug/endorsements/:id', { schema: operation('deleteEndorsement', c.deleteEndorsement, { tags, status: 204 }) }, async (request, reply) => {
    const { campaignId } = await services.execute(deleteEndorsement, requesterOf(request), { slug: request.params.slug, endorsementId: request.params.id });
    site.cache.invalidateCampaign(campaignId);
    return reply.status(204).send();
  });

  // Organizers can read a letter before it is public.
  app.get(
    '/api/campaigns/:slug/endorsements/:id/document',
    { schema: operation('viewEndorsementDocument', c.viewEndorsementDocument, { tags, produces: 'application/pdf' }) },
    async (request, reply) => {
      const doc = await services.read(viewEndorsementDocument, requesterOf(request), { slug: request.params.slug, endorsementId: request.params.id });
      return reply
        .type('application/pdf')
        .header('content-disposition', formatContentDisposition(doc.filename))
        .header('cache-control', 'private, no-store')
        .send(doc.bytes);
    },
  );
}
