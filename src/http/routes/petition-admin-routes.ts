import { stringify } from 'csv-stringify/sync';
import { z } from 'zod';
import type { Services } from '../../domain/create-services.js';
import { formatContentDisposition } from '../../documents/content-disposition.js';
import { AppError } from '../../errors.js';
import { auditRequest } from '../audit-request.js';
import { requireCampaignAccess } from '../campaign-access.js';
import { presentHeldSignature, presentPetition } from '../presenters/petition-presenter.js';
import type { ZodApp } from '../zod-app.js';

const slugParams = z.object({ slug: z.string().min(1).max(80) });
const petitionParams = slugParams.extend({ petitionId: z.uuid('is not an id') });
const signatureParams = petitionParams.extend({ signatureId: z.uuid('is not an id') });

const petitionFields = {
  slug: z
    .string()
    .trim()
    .min(1, 'is required')
    .max(80, 'is too long')
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'use lowercase letters, digits and dashes'),
  title: z.string().trim().min(1, 'is required').max(200, 'is too long'),
  text: z.string().trim().min(1, 'is required').max(20_000, 'is too long'),
  target: z.string().trim().min(1, 'is required').max(200, 'is too long'),
  goal: z.number().int('must be a whole number').min(1, 'must be at least 1').max(100_000_000, 'is too large'),
  published: z.boolean(),
};
const createBody = z.object({ ...petitionFields, published: petitionFields.published.default(false) });
const updateBody = z.object(petitionFields).partial();

// A cell a spreadsheet would run as a formula (=, +, -, @, tab, CR) gets a leading apostrophe:
// signers type these fields, and an export must not become an attack on the organizer.
const cell = (value: string | null): string => (value && /^[=+\-@\t\r]/.test(value) ? `'${value}` : (value ?? ''));

// Organizers write and publish petitions and review held signatures (public.manage); only admins
// export signers (export.individual), and every export is audited before a byte leaves.
export function registerPetitionAdminRoutes(app: ZodApp, services: Services): void {
  const { petitions } = services.repositories;

  async function loadPetition(campaignId: string, petitionId: string) {
    const p = await petitions.findById(petitionId);
    if (!p || p.campaignId !== campaignId) throw new AppError('not_found', 'No such petition.');
    return p;
  }

  app.get('/api/campaigns/:slug/petitions', { schema: { tags: ['petitions'], params: slugParams } }, async (request) => {
    const access = await requireCampaignAccess(services, request, request.params.slug, 'public.manage');
    const rows = await petitions.listForCampaign(access.campaign.id);
    return { petitions: await Promise.all(rows.map(async (p) => presentPetition(p, await petitions.countByStatus(p.id)))) };
  });

  app.post('/api/campaigns/:slug/petitions', { schema: { tags: ['petitions'], params: slugParams, body: createBody } }, async (request, reply) => {
    const access = await requireCampaignAccess(services, request, request.params.slug, 'public.manage');
    const row = await petitions.create(access.campaign.id, request.body, services.now());
    if (!row) throw new AppError('conflict', 'A petition with that slug exists in this campaign.', [{ field: 'body.slug', reason: 'is already used' }]);
    await auditRequest(services, request, access, 'petition.created', { type: 'petition', id: row.id }, { slug: row.slug, published: row.published });
    return reply.status(201).send({ petition: presentPetition(row, await petitions.countByStatus(row.id)) });
  });

  app.get('/api/campaigns/:slug/petitions/:petitionId', { schema: { tags: ['petitions'], params: petitionParams } }, async (request) => {
    const access = await requireCampaignAccess(services, request, request.params.slug, 'public.manage');
    const p = await loadPetition(access.campaign.id, request.params.petitionId);
    return { petition: presentPetition(p, await petitions.countByStatus(p.id)) };
  });

  app.put('/api/campaigns/:slug/petitions/:petitionId', { schema: { tags: ['petitions'], params: petitionParams, body: updateBody } }, async (request) => {
    const access = await requireCampaignAccess(services, request, request.params.slug, 'public.manage');
    await loadPetition(access.campaign.id, request.params.petitionId);
    const row = await petitions.update(access.campaign.id, request.params.petitionId, request.body, services.now());
    if (row === 'slug_taken') throw new AppError('conflict', 'A petition with that slug exists in this campaign.', [{ field: 'body.slug', reason: 'is already used' }]);
    if (!row) throw new AppError('not_found', 'No such petition.');
    await auditRequest(services, request, access, 'petition.updated', { type: 'petition', id: row.id }, { fields: Object.keys(request.body), published: row.published });
    return { petition: presentPetition(row, await petitions.countByStatus(row.id)) };
  });

  app.get('/api/campaigns/:slug/petitions/:petitionId/held', { schema: { tags: ['petitions'], params: petitionParams } }, async (request) => {
    const access = await requireCampaignAccess(services, request, request.params.slug, 'public.manage');
    const p = await loadPetition(access.campaign.id, request.params.petitionId);
    const rows = await petitions.listHeld(p.id);
    await auditRequest(services, request, access, 'petition.held_viewed', { type: 'petition', id: p.id }, { count: rows.length });
    return { signatures: rows.map(presentHeldSignature) };
  });

  for (const decision of ['approve', 'reject'] as const) {
    app.post(`/api/campaigns/:slug/petitions/:petitionId/held/:signatureId/${decision}`, { schema: { tags: ['petitions'], params: signatureParams } }, async (request) => {
      const access = await requireCampaignAccess(services, request, request.params.slug, 'public.manage');
      const p = await loadPetition(access.campaign.id, request.params.petitionId);
      const row = decision === 'approve' ? await petitions.approveHeld(p.id, request.params.signatureId) : await petitions.rejectHeld(p.id, request.params.signatureId);
      if (!row) throw new AppError('not_found', 'No such held signature (it may have been reviewed already).');
      await auditRequest(services, request, access, `petition.signature_${decision === 'approve' ? 'approved' : 'rejected'}`, { type: 'petition_signature', id: row.id }, { petitionId: p.id, holdReason: row.holdReason });
      return { id: row.id, status: decision === 'approve' ? row.status : 'rejected' };
    });
  }

  app.get('/api/campaigns/:slug/petitions/:petitionId/signers.csv', { schema: { tags: ['petitions'], params: petitionParams } }, async (request, reply) => {
    const access = await requireCampaignAccess(services, request, request.params.slug, 'export.individual');
    const p = await loadPetition(access.campaign.id, request.params.petitionId);
    const rows = await petitions.listForExport(p.id);
    // Logged before a byte leaves: an export that fails halfway was still attempted.
    await auditRequest(services, request, access, 'export.petition_signers', { type: 'petition', id: p.id }, { count: rows.length });
    // Action Network's column names where they exist, so the file imports elsewhere as is.
    const csv = stringify(
      rows.map((s) => ({
        first_name: cell(s.givenName),
        last_name: cell(s.familyName),
        email: cell(s.email),
        zip_code: s.postalCode ?? '',
        city: cell(s.city),
        relationship: s.relationship,
        comments: cell(s.comment),
        show_publicly: s.showPublicly ? 'yes' : 'no',
        status: s.status,
        source: s.source,
        created_date: s.createdAt.toISOString(),
        confirmed_date: s.confirmedAt ? s.confirmedAt.toISOString() : '',
      })),
      { header: true, columns: ['first_name', 'last_name', 'email', 'zip_code', 'city', 'relationship', 'comments', 'show_publicly', 'status', 'source', 'created_date', 'confirmed_date'] },
    );
    return reply
      .type('text/csv; charset=utf-8')
      .header('cache-control', 'no-store')
      .header('content-disposition', formatContentDisposition(`${access.campaign.slug}-petition-${p.slug}-signers.csv`))
      .send(csv);
  });
}
