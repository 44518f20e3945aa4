import { z } from 'zod';
import type { Services } from '../../domain/create-services.js';
import { isIsoDate } from '../../domain/cards/card-dates.js';
import { canPerform, visibleWorksites } from '../../domain/policies/campaign-policy.js';
import { AppError } from '../../errors.js';
import { auditRequest } from '../audit-request.js';
import { requireCampaignAccess, type CampaignAccess } from '../campaign-access.js';
import { presentCardDetail, presentCardSummary, presentCardText } from '../presenters/card-presenter.js';
import type { ZodApp } from '../zod-app.js';

const slugParams = z.object({ slug: z.string().min(1).max(80) });
const cardParams = slugParams.extend({ cardId: z.uuid('is not a card id') });
const isoDate = z.string().refine(isIsoDate, 'must be a date as YYYY-MM-DD');

const SCAN_TYPES = ['application/pdf', 'image/jpeg', 'image/png', 'image/webp', 'image/tiff'] as const;
const MAX_SCAN_BYTES = 10 * 1024 * 1024;

export function registerCardRoutes(app: ZodApp, services: Services): void {
  const { cards: repo, mail } = services.repositories;

  /** A card the caller may see, or 404 (a committee member learns nothing about other schools). */
  async function visibleCard(access: CampaignAccess, cardId: string) {
    const card = await repo.findCard(access.campaign.id, cardId);
    if (!card || !canPerform(access.actor, 'cards.view', card.worksiteId)) throw new AppError('not_found', 'No such card.');
    return card;
  }

  app.get('/api/campaigns/:slug/card-texts', { schema: { tags: ['cards'], params: slugParams } }, async (request) => {
    const access = await requireCampaignAccess(services, request, request.params.slug, 'dashboard.view');
    return { cardTexts: (await repo.listCardTexts(access.campaign.id)).map(presentCardText) };
  });

  app.post(
    '/api/campaigns/:slug/card-texts',
    {
      schema: {
        tags: ['cards'],
        params: slugParams,
        body: z.object({ title: z.string().trim().min(1, 'is required').max(200), body: z.string().trim().min(20, 'is too short to be a card').max(20_000) }),
      },
    },
    async (request, reply) => {
      const access = await requireCampaignAccess(services, request, request.params.slug, 'campaign.manage');
      const row = await repo.createCardText({ campaignId: access.campaign.id, title: request.body.title, body: request.body.body.replace(/\r\n/g, '\n'), createdBy: access.accountId });
      await auditRequest(services, request, access, 'card_text.created', { type: 'card_text', id: row.id }, { version: row.version });
      return reply.status(201).send({ cardText: presentCardText(row) });
    },
  );

  app.get(
    '/api/campaigns/:slug/cards',
    {
      schema: {
        tags: ['cards'],
        params: slugParams,
        querystring: z.object({
          worksite: z.uuid().optional(),
          match: z.enum(['matched', 'unmatched', 'ambiguous', 'resolved', 'review']).optional(),
          limit: z.coerce.number().int().min(1).max(1000).default(200),
          offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
        }),
      },
    },
    async (request) => {
      const access = await requireCampaignAccess(services, request, request.params.slug, 'cards.view');
      const q = request.query;
      const rows = await repo.listCards(access.campaign.id, { scope: visibleWorksites(access.actor, 'cards.view'), worksiteId: q.worksite, matchStatus: q.match, limit: q.limit, offset: q.offset });
      await auditRequest(services, request, access, 'cards.list_viewed', undefined, { count: rows.length, worksite: q.worksite ?? null, match: q.match ?? null, offset: q.offset });
      const today = services.cards.today(access.campaign);
      const months = access.campaign.cardValidityMonths;
      return { asOf: today, cards: rows.map((r) => presentCardSummary(r, services.cards.statusOn(r, today, months), services.cards.expiresOn(r.signedOn, months))) };
    },
  );

  // Cards that match no one on the roster, or several people: an organizer decides.
  app.get('/api/campaigns/:slug/cards/review', { schema: { tags: ['cards'], params: slugParams } }, async (request) => {
    const access = await requireCampaignAccess(services, request, request.params.slug, 'cards.enter');
    const rows = await repo.listCards(access.campaign.id, { scope: 'all', matchStatus: 'review', limit: 500, offset: 0 });
    await auditRequest(services, request, access, 'cards.list_viewed', undefined, { view: 'review', count: rows.length });
    const today = services.cards.today(access.campaign);
    const months = access.campaign.cardValidityMonths;
    const items = [];
    for (const r of rows) {
      const candidates = await services.cards.candidatesFor(r);
      items.push({
        ...presentCardSummary(r, services.cards.statusOn(r, today, months), services.cards.expiresOn(r.signedOn, months)),
        email: r.email,
        employeeId: r.employeeId,
        candidates: candidates.map((c) => ({ personId: c.id, name: `${c.givenName} ${c.familyName}`, employeeId: c.employeeId, worksiteName: c.worksiteName })),
      });
    }
    return { cards: items };
  });

  app.post(
    '/api/campaigns/:slug/cards/:cardId/match',
    { schema: { tags: ['cards'], params: cardParams, body: z.object({ personId: z.uuid('is not a person id') }) } },
    async (request) => {
      const access = await requireCampaignAccess(services, request, request.params.slug, 'cards.enter');
      const { card, previousPersonId } = await services.cards.resolveMatch(access.campaign, request.params.cardId, request.body.personId);
      await auditRequest(services, request, access, 'card.match_resolved', { type: 'card', id: card.id }, { personId: request.body.personId, previousPersonId, previousStatus: card.matchStatus });
      return { cardId: card.id, match: { status: 'resolved', method: 'manual', personId: request.body.personId } };
    },
  );

  app.get('/api/campaigns/:slug/cards/:cardId', { schema: { tags: ['cards'], params: cardParams } }, async (request) => {
    const access = await requireCampaignAccess(services, request, request.params.slug, 'cards.view');
    const card = await visibleCard(access, request.params.cardId);
    await auditRequest(services, request, access, 'cards.viewed', { type: 'card', id: card.id });
    const [scan, confirmation] = await Promise.all([repo.findScanMeta(access.campaign.id, card.id), card.confirmationMailId ? mail.find(card.confirmationMailId) : Promise.resolve(undefined)]);
    const today = services.cards.today(access.campaign);
    const months = access.campaign.cardValidityMonths;
    return {
      card: presentCardDetail(card, services.cards.statusOn(card, today, months), services.cards.expiresOn(card.signedOn, months), services.cards.verify(card), {
        scan: scan ? { filename: scan.filename, contentType: scan.contentType, byteSize: scan.byteSize, sha256: scan.sha256 } : null,
        confirmation: confirmation ? { id: confirmation.id, to: confirmation.toAddress, createdAt: confirmation.createdAt.toISOString(), sentAt: confirmation.sentAt?.toISOString() ?? null, error: confirmation.error } : null,
      }),
    };
  });

  app.get('/api/campaigns/:slug/cards/:cardId/scan', { schema: { tags: ['cards'], params: cardParams } }, async (request, reply) => {
    const access = await requireCampaignAccess(services, request, request.params.slug, 'cards.view');
    const card = await visibleCard(access, request.params.cardId);
    const scan = await repo.findScan(access.campaign.id, card.id);
    if (!scan) throw new AppError('not_found', 'This card has no scan.');
    await auditRequest(services, request, access, 'cards.scan_viewed', { type: 'card', id: card.id });
    return reply
      .type(scan.contentType)
      .header('cache-control', 'no-store')
      .header('x-content-sha256', scan.sha256)
      .header('content-disposition', `attachment; filename="card-${card.id}${extensionFor(scan.contentType)}"`)
      .send(scan.bytes);
  });

  app.post(
    '/api/campaigns/:slug/cards/:cardId/revoke',
    { schema: { tags: ['cards'], params: cardParams, body: z.object({ effectiveOn: isoDate.optional(), reason: z.string().trim().min(1, 'is required').max(1000) }) } },
    async (request, reply) => {
      const access = await requireCampaignAccess(services, request, request.params.slug, 'cards.enter');
      const { card, effectiveOn } = await services.cards.revoke(access.campaign, request.params.cardId, request.body, access.accountId);
      await auditRequest(services, request, access, 'card.revoked', { type: 'card', id: card.id }, { effectiveOn });
      return reply.status(201).send({ cardId: card.id, revokedOn: effectiveOn });
    },
  );

  // Paper cards: JSON with the scan as base64 (one request, one transaction; no multipart parser).
  app.post(
    '/api/campaigns/:slug/cards/paper',
    {
      bodyLimit: Math.ceil((MAX_SCAN_BYTES * 4) / 3) + 64 * 1024,
      schema: {
        tags: ['cards'],
        params: slugParams,
        body: z.object({
          signerName: z.string().trim().min(2, 'is required').max(200),
          email: z.string().trim().toLowerCase().email('is not an email address').max(254).nullish(),
          phone: z.string().trim().max(40).nullish(),
          worksiteId: z.uuid('is not a worksite id'),
          jobTitle: z.string().trim().min(2, 'is required').max(120),
          employeeId: z.string().trim().max(60).nullish(),
          signedOn: isoDate,
          cardTextVersion: z.number().int().positive(),
          scan: z.object({
            filename: z.string().trim().min(1).max(200),
            contentType: z.enum(SCAN_TYPES, 'must be a PDF or an image (JPEG, PNG, WebP, TIFF)'),
            dataBase64: z.base64('is not base64').max(Math.ceil((MAX_SCAN_BYTES * 4) / 3) + 4, 'the scan is larger than 10 MB'),
          }),
        }),
      },
    },
    async (request, reply) => {
      const access = await requireCampaignAccess(services, request, request.params.slug, 'cards.enter');
      const b = request.body;
      const bytes = Buffer.from(b.scan.dataBase64, 'base64');
      const card = await services.cards.enterPaper(
        access.campaign,
        { signerName: b.signerName, email: b.email ?? null, phone: b.phone ?? null, worksiteId: b.worksiteId, jobTitle: b.jobTitle, employeeId: b.employeeId ?? null, signedOn: b.signedOn, cardTextVersion: b.cardTextVersion, scan: { filename: b.scan.filename, contentType: b.scan.contentType, bytes } },
        access.accountId,
      );
      await auditRequest(services, request, access, 'card.paper_entered', { type: 'card', id: card.id }, { worksiteId: card.worksiteId, signedOn: card.signedOn, match: card.matchStatus });
      return reply.status(201).send({ card: { id: card.id, contentHash: card.contentHash, match: { status: card.matchStatus, method: card.matchMethod, personId: card.personId } } });
    },
  );
}

function extensionFor(contentType: string): string {
  const map: Record<string, string> = { 'application/pdf': '.pdf', 'image/jpeg': '.jpg', 'image/png': '.png', 'image/webp': '.webp', 'image/tiff': '.tif' };
  return map[contentType] ?? '';
}
