import { filingContract } from '../../contracts/filing.js';
import { verifyCardHashes } from '../../domain/cards/verify-card-hashes.js';
import type { Services } from '../../domain/create-services.js';
import { generateFilingPacket } from '../../domain/filing/generate-filing-packet.js';
import { previewFilingPacket } from '../../domain/filing/preview-filing-packet.js';
import { formatContentDisposition } from '../../documents/content-disposition.js';
import { renderFilingFile } from '../../documents/filing/filing-files.js';
import { operation, requesterOf } from '../operation.js';
import { presentCardHashReport, presentFilingPreview } from '../presenters/filing-presenter.js';
import type { ZodApp } from '../zod-app.js';

const c = filingContract;

// Filing packets name every signer: admins only (policy action `filing.generate`), and every
// preview and every file is audited in the transaction that reads it, before anything leaves.
export function registerFilingRoutes(app: ZodApp, services: Services): void {
  app.get('/api/campaigns/:slug/filing-packets/preview', { schema: operation('previewFilingPacket', c.previewFilingPacket, { tags: ['filing'] }) }, async (request) => {
    const packet = await services.execute(previewFilingPacket, requesterOf(request), { slug: request.params.slug, ...request.query });
    return presentFilingPreview(packet);
  });

  app.post(
    '/api/campaigns/:slug/filing-packets',
    { schema: operation('generateFilingPacket', c.generateFilingPacket, { tags: ['filing'], produces: 'application/pdf, text/csv or application/zip' }) },
    async (request, reply) => {
      const { copy, format } = request.body;
      const { packet, generatedAt } = await services.execute(generateFilingPacket, requesterOf(request), { slug: request.params.slug, ...request.body });
      const file = await renderFilingFile(packet, copy, format, generatedAt);
      return reply.type(file.contentType).header('cache-control', 'no-store').header('content-disposition', formatContentDisposition(file.filename)).send(file.body);
    },
  );

  // The integrity check of `unionhall verify-cards`, for admins in the browser.
  app.get('/api/campaigns/:slug/cards/verify', { schema: operation('verifyCardHashes', c.verifyCardHashes, { tags: ['cards'] }) }, async (request) => {
    return presentCardHashReport(await services.execute(verifyCardHashes, requesterOf(request), request.params));
  });
}
