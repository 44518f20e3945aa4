import { z } from 'zod';
import type { Services } from '../../domain/create-services.js';
import { isDay } from '../../domain/calendar.js';
import { filingCopies, filingJurisdictions } from '../../domain/filing/filing-packet.js';
import { formatContentDisposition } from '../../documents/content-disposition.js';
import { filingFormats, renderFilingFile } from '../../documents/filing/filing-files.js';
import { auditRequest } from '../audit-request.js';
import { requireCampaignAccess } from '../campaign-access.js';
import { presentFilingPreview } from '../presenters/filing-presenter.js';
import type { ZodApp } from '../zod-app.js';

const slugParams = z.object({ slug: z.string().min(1).max(80) });
const isoDate = z.string().refine(isDay, 'must be a date as YYYY-MM-DD');
const packetFields = {
  unitId: z.uuid('is not a unit id'),
  worksiteId: z.uuid('is not a worksite id').nullish(),
  filingDate: isoDate,
  jurisdiction: z.enum(filingJurisdictions, 'must be ca_perb or nlrb').optional(),
};

// Filing packets name every signer: admins only (policy action `filing.generate`), and every
// preview and every file is written to the audit log before anything leaves.
export function registerFilingRoutes(app: ZodApp, services: Services): void {
  app.get(
    '/api/campaigns/:slug/filing-packets/preview',
    { schema: { tags: ['filing'], params: slugParams, querystring: z.object(packetFields) } },
    async (request) => {
      const access = await requireCampaignAccess(services, request, request.params.slug, 'filing.generate');
      const q = request.query;
      const packet = await services.filing.preparePacket(access.campaign, { unitId: q.unitId, worksiteId: q.worksiteId, filingDate: q.filingDate, jurisdiction: q.jurisdiction });
      await auditRequest(services, request, access, 'filing.previewed', { type: 'unit', id: packet.unit.id }, { unitId: packet.unit.id, worksiteId: packet.worksite?.id ?? null, filingDate: packet.filingDate, jurisdiction: packet.jurisdiction });
      return presentFilingPreview(packet);
    },
  );

  app.post(
    '/api/campaigns/:slug/filing-packets',
    {
      schema: {
        tags: ['filing'],
        params: slugParams,
        body: z.object({ ...packetFields, copy: z.enum(filingCopies, 'must be board or service'), format: z.enum(filingFormats, 'must be pdf, csv or zip') }),
      },
    },
    async (request, reply) => {
      const access = await requireCampaignAccess(services, request, request.params.slug, 'filing.generate');
      const b = request.body;
      const packet = await services.filing.preparePacket(access.campaign, { unitId: b.unitId, worksiteId: b.worksiteId, filingDate: b.filingDate, jurisdiction: b.jurisdiction });
      const file = await renderFilingFile(packet, b.copy, b.format, services.now());
      await auditRequest(services, request, access, 'filing.generated', { type: 'unit', id: packet.unit.id }, {
        unitId: packet.unit.id,
        worksiteId: packet.worksite?.id ?? null,
        filingDate: packet.filingDate,
        jurisdiction: packet.jurisdiction,
        copy: b.copy,
        format: b.format,
        eligible: packet.figures.eligible,
        validCards: packet.figures.valid_cards,
      });
      return reply
        .type(file.contentType)
        .header('cache-control', 'no-store')
        .header('content-disposition', formatContentDisposition(file.filename))
        .send(file.body);
    },
  );

  // The integrity check of `unionhall verify-cards`, for admins in the browser.
  app.get('/api/campaigns/:slug/cards/verify', { schema: { tags: ['cards'], params: slugParams } }, async (request) => {
    const access = await requireCampaignAccess(services, request, request.params.slug, 'filing.generate');
    const report = await services.filing.verifyCards(access.campaign);
    await auditRequest(services, request, access, 'cards.verified', undefined, { checked: report.checked, mismatches: report.mismatches.length });
    return { ok: report.mismatches.length === 0, checked: report.checked, mismatches: report.mismatches };
  });
}
