import { petitionsContract } from '../../contracts/petitions.js';
import type { Services } from '../../domain/create-services.js';
import { approveSignature } from '../../domain/petitions/approve-signature.js';
import { createPetition } from '../../domain/petitions/create-petition.js';
import { exportPetitionSigners } from '../../domain/petitions/export-petition-signers.js';
import { listHeldSignatures } from '../../domain/petitions/list-held-signatures.js';
import { listPetitions } from '../../domain/petitions/list-petitions.js';
import { rejectSignature } from '../../domain/petitions/reject-signature.js';
import { updatePetition } from '../../domain/petitions/update-petition.js';
import { viewPetition } from '../../domain/petitions/view-petition.js';
import { formatContentDisposition } from '../../documents/content-disposition.js';
import { renderPetitionSignersCsv } from '../../documents/petitions/petition-signers-csv.js';
import { operation, requesterOf } from '../operation.js';
import { presentHeldSignature, presentPetition } from '../presenters/petition-presenter.js';
import type { ZodApp } from '../zod-app.js';
import type { PublicSite } from '../public-site.js';

const tags = ['petitions'];
const c = petitionsContract;

// Organizers write and publish petitions and review held signatures (public.manage); only admins
// export signers (export.individual), and every export is audited before a byte leaves.
export function registerPetitionAdminRoutes(app: ZodApp, services: Services, publicSite: Pick<PublicSite, 'cache'>): void {
  // The public petition page is rendered once for everyone (issue 16): a change shows at once.
  const refreshPublic = (campaignId: string): void => publicSite.cache.invalidateCampaign(campaignId);

  app.get('/api/campaigns/:slug/petitions', { schema: operation('listPetitions', c.listPetitions, { tags }) }, async (request) => {
    const views = await services.read(listPetitions, requesterOf(request), { slug: request.params.slug });
    return { petitions: views.map(presentPetition) };
  });

  app.post('/api/campaigns/:slug/petitions', { schema: operation('createPetition', c.createPetition, { tags, status: 201 }) }, async (request, reply) => {
    const view = await services.execute(createPetition, requesterOf(request), { slug: request.params.slug, petition: request.body });
    // A petition created published is on the public site and in the OSDI collection at once.
    refreshPublic(view.row.campaignId);
    return reply.status(201).send({ petition: presentPetition(view) });
  });

  app.get('/api/campaigns/:slug/petitions/:petitionId', { schema: operation('viewPetition', c.viewPetition, { tags }) }, async (request) => {
    const view = await services.read(viewPetition, requesterOf(request), request.params);
    return { petition: presentPetition(view) };
  });

  app.put('/api/campaigns/:slug/petitions/:petitionId', { schema: operation('updatePetition', c.updatePetition, { tags }) }, async (request) => {
    const view = await services.execute(updatePetition, requesterOf(request), { ...request.params, changes: request.body });
    refreshPublic(view.row.campaignId);
    return { petition: presentPetition(view) };
  });

  app.get('/api/campaigns/:slug/petitions/:petitionId/held', { schema: operation('listHeldSignatures', c.listHeldSignatures, { tags }) }, async (request) => {
    const rows = await services.execute(listHeldSignatures, requesterOf(request), request.params);
    return { signatures: rows.map(presentHeldSignature) };
  });

  app.post('/api/campaigns/:slug/petitions/:petitionId/held/:signatureId/approve', { schema: operation('approveSignature', c.approveSignature, { tags }) }, async (request) => {
    const { campaignId, ...result } = await services.execute(approveSignature, requesterOf(request), request.params);
    refreshPublic(campaignId);
    // An approval that makes a signature count may have recorded webhook events (decision 0032).
    services.webhooks.kick();
    return result;
  });

  app.post('/api/campaigns/:slug/petitions/:petitionId/held/:signatureId/reject', { schema: operation('rejectSignature', c.rejectSignature, { tags }) }, async (request) => {
    const { campaignId, ...result } = await services.execute(rejectSignature, requesterOf(request), request.params);
    refreshPublic(campaignId);
    return result;
  });

  app.get('/api/campaigns/:slug/petitions/:petitionId/signers.csv', { schema: operation('exportPetitionSigners', c.exportPetitionSigners, { tags, produces: 'text/csv' }) }, async (request, reply) => {
    const { campaignSlug, petition, signers } = await services.execute(exportPetitionSigners, requesterOf(request), request.params);
    return reply
      .type('text/csv; charset=utf-8')
      .header('cache-control', 'no-store')
      .header('content-disposition', formatContentDisposition(`${campaignSlug}-petition-${petition.slug}-signers.csv`))
      .send(renderPetitionSignersCsv(signers));
  });
}
