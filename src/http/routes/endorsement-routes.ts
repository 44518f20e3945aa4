import { createElement } from 'react';
import { z } from 'zod';
import { endorsementLevels, endorserKinds } from '../../db/schema/public-site.js';
import type { Services } from '../../domain/create-services.js';
import { groupEndorsements } from '../../domain/public-site/endorsement-groups.js';
import { parsePdfUpload, type PdfDocument } from '../../domain/public-site/pdf-document.js';
import { formatContentDisposition } from '../../documents/content-disposition.js';
import { AppError } from '../../errors.js';
import { requireCampaignAccess } from '../campaign-access.js';
import { presentEndorsement } from '../presenters/public-content-presenter.js';
import { PublicNotFound, type PublicSite } from '../public-site.js';
import { EndorsementsPage } from '../views/endorsements-page.js';
import { renderPage } from '../views/layout.js';
import { toEndorsementCard } from '../views/to-view-models.js';
import type { ZodApp } from '../zod-app.js';

const slugParams = z.object({ slug: z.string().min(1).max(80) });
const idParams = slugParams.extend({ id: z.uuid('is not an id') });
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD');
// PDFs arrive as base64 in JSON (10 MB of PDF is about 13.4 MB of base64).
const documentUpload = z.object({ filename: z.string().trim().min(1).max(200), contentBase64: z.string().min(1).max(14_000_000) });
const uploadLimit = 15 * 1024 * 1024;

const fields = {
  endorserName: z.string().trim().min(1, 'is required').max(200),
  endorserKind: z.enum(endorserKinds),
  endorserTitle: z.string().trim().max(200),
  level: z.enum(endorsementLevels),
  endorsedOn: isoDate,
  quote: z.string().trim().max(2000),
  isPublic: z.boolean(),
};
const createBody = z.object({ ...fields, endorserTitle: fields.endorserTitle.default(''), quote: fields.quote.default(''), isPublic: fields.isPublic.default(false), document: documentUpload.optional() });
const updateBody = z.object({
  endorserName: fields.endorserName.optional(),
  endorserKind: fields.endorserKind.optional(),
  endorserTitle: fields.endorserTitle.optional(),
  level: fields.level.optional(),
  endorsedOn: fields.endorsedOn.optional(),
  quote: fields.quote.optional(),
  isPublic: fields.isPublic.optional(),
  document: documentUpload.nullable().optional(),
});

const toStored = (doc: PdfDocument) => ({ sha256: doc.sha256, filename: doc.filename, size: doc.size, contentType: doc.contentType, bytes: doc.bytes });

export function registerEndorsementRoutes(app: ZodApp, services: Services, site: PublicSite): void {
  const { endorsements } = services.repositories;

  // ---- Public: the wall, grouped by level, and the public letters ----
  site.register(app, { path: '/endorsements', cache: true }, async ({ campaign, site: model }) => {
    const rows = await endorsements.listPublic(campaign.id);
    const groups = groupEndorsements(rows).map((g) => ({ group: g.group, items: g.items.map((e) => toEndorsementCard(e, model.base)) }));
    return { body: renderPage(createElement(EndorsementsPage, { site: model, groups })) };
  });

  // A letter's URL is its SHA-256: stable, and proof that the file is the one uploaded. Served
  // only while its endorsement is public.
  site.register(app, { path: '/endorsements/documents/:sha256' }, async ({ campaign, params, reply }) => {
    const sha256 = params.sha256 ?? '';
    if (!/^[a-f0-9]{64}$/.test(sha256)) throw new PublicNotFound();
    const doc = await endorsements.findDocument(campaign.id, { sha256, publicOnly: true });
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
  app.get('/api/campaigns/:slug/endorsements', { schema: { tags: ['endorsements'], params: slugParams } }, async (request) => {
    const access = await requireCampaignAccess(services, request, request.params.slug, 'public.manage');
    return { endorsements: (await endorsements.listAll(access.campaign.id)).map((e) => presentEndorsement(e, access.campaign.slug)) };
  });

  app.post(
    '/api/campaigns/:slug/endorsements',
    { bodyLimit: uploadLimit, schema: { tags: ['endorsements'], params: slugParams, body: createBody } },
    async (request, reply) => {
      const access = await requireCampaignAccess(services, request, request.params.slug, 'public.manage');
      const { document, ...body } = request.body;
      const pdf = document ? parsePdfUpload(document) : null;
      const row = await endorsements.create({ campaignId: access.campaign.id, ...body }, pdf ? toStored(pdf) : null);
      site.cache.invalidateCampaign(access.campaign.id);
      const created = await endorsements.find(access.campaign.id, row.id);
      if (!created) throw new AppError('internal', 'The endorsement vanished.');
      return reply.status(201).send({ endorsement: presentEndorsement(created, access.campaign.slug) });
    },
  );

  app.patch(
    '/api/campaigns/:slug/endorsements/:id',
    { bodyLimit: uploadLimit, schema: { tags: ['endorsements'], params: idParams, body: updateBody } },
    async (request) => {
      const access = await requireCampaignAccess(services, request, request.params.slug, 'public.manage');
      const { document, ...changes } = request.body;
      const pdf = document === undefined ? undefined : document === null ? null : toStored(parsePdfUpload(document));
      const row = await endorsements.update(access.campaign.id, request.params.id, changes, pdf, services.now());
      if (!row) throw new AppError('not_found', 'No such endorsement.');
      site.cache.invalidateCampaign(access.campaign.id);
      const updated = await endorsements.find(access.campaign.id, row.id);
      if (!updated) throw new AppError('not_found', 'No such endorsement.');
      return { endorsement: presentEndorsement(updated, access.campaign.slug) };
    },
  );

  app.delete('/api/campaigns/:slug/endorsements/:id', { schema: { tags: ['endorsements'], params: idParams } }, async (request, reply) => {
    const access = await requireCampaignAccess(services, request, request.params.slug, 'public.manage');
    if (!(await endorsements.remove(access.campaign.id, request.params.id))) throw new AppError('not_found', 'No such endorsement.');
    site.cache.invalidateCampaign(access.campaign.id);
    return reply.status(204).send();
  });

  // Organizers can read a letter before it is public.
  app.get('/api/campaigns/:slug/endorsements/:id/document', { schema: { tags: ['endorsements'], params: idParams } }, async (request, reply) => {
    const access = await requireCampaignAccess(services, request, request.params.slug, 'public.manage');
    const doc = await endorsements.findDocument(access.campaign.id, { endorsementId: request.params.id, publicOnly: false });
    if (!doc) throw new AppError('not_found', 'This endorsement has no document.');
    return reply
      .type('application/pdf')
      .header('content-disposition', formatContentDisposition(doc.filename))
      .header('cache-control', 'private, no-store')
      .send(doc.bytes);
  });
}
