import type { Config } from '../../config.js';
import { cardsContract } from '../../contracts/cards.js';
import { approveCardText } from '../../domain/cards/approve-card-text.js';
import { createCardText } from '../../domain/cards/create-card-text.js';
import { dismissCard } from '../../domain/cards/dismiss-card.js';
import { enterPaperCard } from '../../domain/cards/enter-paper-card.js';
import { listCardTexts } from '../../domain/cards/list-card-texts.js';
import { listCardsForReview } from '../../domain/cards/list-cards-for-review.js';
import { listCards } from '../../domain/cards/list-cards.js';
import { listEmployers } from '../../domain/cards/list-employers.js';
import { listWaitingCards } from '../../domain/cards/list-waiting-cards.js';
import { recordCardAnswer } from '../../domain/cards/record-card-answer.js';
import { resolveCardMatch } from '../../domain/cards/resolve-card-match.js';
import { revokeCard } from '../../domain/cards/revoke-card.js';
import { setEmployerEmailDomains } from '../../domain/cards/set-employer-email-domains.js';
import { verifyCard } from '../../domain/cards/verify-card.js';
import { viewCardScan } from '../../domain/cards/view-card-scan.js';
import { viewCard } from '../../domain/cards/view-card.js';
import type { Services } from '../../domain/create-services.js';
import { formatContentDisposition } from '../../documents/content-disposition.js';
import { operation, requesterOf } from '../operation.js';
import { presentCardDetail, presentCardSummary, presentCardText, presentEmployer, presentReviewCard } from '../presenters/card-presenter.js';
import type { ZodApp } from '../zod-app.js';
import { MAX_SCAN_BYTES } from '../../contracts/cards.js';

const tags = ['cards'];
const c = cardsContract;

// Routes parse, name the requester, run one command or query, and present its result.
export function registerCardRoutes(app: ZodApp, services: Services, config: Pick<Config, 'publicUrl'>): void {
  app.get('/api/campaigns/:slug/card-texts', { schema: operation('listCardTexts', c.listCardTexts, { tags }) }, async (request) => {
    const rows = await services.read(listCardTexts, requesterOf(request), { slug: request.params.slug });
    return { cardTexts: rows.map(presentCardText) };
  });

  app.post('/api/campaigns/:slug/card-texts', { schema: operation('createCardText', c.createCardText, { tags, status: 201 }) }, async (request, reply) => {
    const row = await services.execute(createCardText, requesterOf(request), { slug: request.params.slug, ...request.body });
    return reply.status(201).send({ cardText: presentCardText(row) });
  });

  // An organizer approves a text: from then on signers in its language read and sign it.
  app.post('/api/campaigns/:slug/card-texts/:cardTextId/approve', { schema: operation('approveCardText', c.approveCardText, { tags }) }, async (request) => {
    const row = await services.execute(approveCardText, requesterOf(request), request.params);
    return { cardText: presentCardText(row) };
  });

  app.get('/api/campaigns/:slug/cards', { schema: operation('listCards', c.listCards, { tags }) }, async (request) => {
    const q = request.query;
    const result = await services.execute(listCards, requesterOf(request), { slug: request.params.slug, worksiteId: q.worksite, match: q.match, state: q.state, limit: q.limit, offset: q.offset });
    return { asOf: result.asOf, cards: result.cards.map(presentCardSummary) };
  });

  // Cards that do not count yet, submitted and confirmed apart, each with what it still needs.
  app.get('/api/campaigns/:slug/cards/waiting', { schema: operation('listWaitingCards', c.listWaitingCards, { tags }) }, async (request) => {
    const result = await services.execute(listWaitingCards, requesterOf(request), { slug: request.params.slug });
    return { asOf: result.asOf, submitted: result.submitted.map(presentCardSummary), confirmed: result.confirmed.map(presentCardSummary), disputed: result.disputed.map(presentCardSummary) };
  });

  // The signer replied to the confirmation instead of using its link.
  app.post('/api/campaigns/:slug/cards/:cardId/answer', { schema: operation('recordCardAnswer', c.recordCardAnswer, { tags }) }, async (request) => {
    return services.execute(recordCardAnswer, requesterOf(request), { ...request.params, ...request.body });
  });

  app.post('/api/campaigns/:slug/cards/:cardId/verification', { schema: operation('verifyCard', c.verifyCard, { tags }) }, async (request) => {
    const result = await services.execute(verifyCard, requesterOf(request), { ...request.params, ...request.body });
    return { ...result, state: 'verified' as const };
  });

  app.post('/api/campaigns/:slug/cards/:cardId/dismiss', { schema: operation('dismissCard', c.dismissCard, { tags }) }, async (request) => {
    const result = await services.execute(dismissCard, requesterOf(request), { ...request.params, ...request.body });
    return { cardId: result.cardId, state: 'dismissed' as const, dismissedAt: result.dismissedAt.toISOString() };
  });

  app.get('/api/campaigns/:slug/employers', { schema: operation('listEmployers', c.listEmployers, { tags }) }, async (request) => {
    const rows = await services.execute(listEmployers, requesterOf(request), request.params);
    return { employers: rows.map(presentEmployer) };
  });

  app.put('/api/campaigns/:slug/employers/:employerId/email-domains', { schema: operation('setEmployerEmailDomains', c.setEmployerEmailDomains, { tags }) }, async (request) => {
    const row = await services.execute(setEmployerEmailDomains, requesterOf(request), { ...request.params, ...request.body });
    return { employer: presentEmployer(row) };
  });

  // Cards that match no one on the roster, or several people: an organizer decides.
  app.get('/api/campaigns/:slug/cards/review', { schema: operation('listCardsForReview', c.listCardsForReview, { tags }) }, async (request) => {
    const items = await services.execute(listCardsForReview, requesterOf(request), { slug: request.params.slug });
    return { cards: items.map(presentReviewCard) };
  });

  app.post('/api/campaigns/:slug/cards/:cardId/match', { schema: operation('resolveCardMatch', c.resolveCardMatch, { tags }) }, async (request) => {
    const { cardId, personId } = await services.execute(resolveCardMatch, requesterOf(request), { slug: request.params.slug, cardId: request.params.cardId, personId: request.body.personId });
    return { cardId, match: { status: 'resolved' as const, method: 'manual' as const, personId } };
  });

  app.get('/api/campaigns/:slug/cards/:cardId', { schema: operation('viewCard', c.viewCard, { tags }) }, async (request) => {
    const view = await services.execute(viewCard, requesterOf(request), request.params);
    return { card: presentCardDetail(view) };
  });

  app.get('/api/campaigns/:slug/cards/:cardId/scan', { schema: operation('viewCardScan', c.viewCardScan, { tags, produces: 'application/pdf, image/*' }) }, async (request, reply) => {
    const scan = await services.execute(viewCardScan, requesterOf(request), request.params);
    return reply
      .type(scan.contentType)
      .header('cache-control', 'no-store')
      .header('x-content-sha256', scan.sha256)
      .header('content-disposition', formatContentDisposition(`card-${scan.cardId}${extensionFor(scan.contentType)}`))
      .send(scan.bytes);
  });

  app.post('/api/campaigns/:slug/cards/:cardId/revoke', { schema: operation('revokeCard', c.revokeCard, { tags, status: 201 }) }, async (request, reply) => {
    const result = await services.execute(revokeCard, requesterOf(request), { ...request.params, ...request.body });
    return reply.status(201).send(result);
  });

  // Paper cards: JSON with the scan as base64 (one request, one transaction; no multipart parser).
  app.post(
    '/api/campaigns/:slug/cards/paper',
    { bodyLimit: Math.ceil((MAX_SCAN_BYTES * 4) / 3) + 64 * 1024, schema: operation('enterPaperCard', c.enterPaperCard, { tags, status: 201 }) },
    async (request, reply) => {
      const b = request.body;
      const card = await services.execute(enterPaperCard, requesterOf(request), {
        slug: request.params.slug,
        signerName: b.signerName,
        email: b.email ?? null,
        phone: b.phone ?? null,
        worksiteId: b.worksiteId,
        jobTitle: b.jobTitle,
        employeeId: b.employeeId ?? null,
        personId: b.personId ?? null,
        signedOn: b.signedOn,
        cardTextVersion: b.cardTextVersion,
        scan: { filename: b.scan.filename, contentType: b.scan.contentType, bytes: Buffer.from(b.scan.dataBase64, 'base64') },
        publicUrl: config.publicUrl,
      });
      return reply.status(201).send({ card: { id: card.id, contentHash: card.contentHash, match: { status: card.matchStatus, method: card.matchMethod, personId: card.personId }, state: card.state } });
    },
  );
}

function extensionFor(contentType: string): string {
  const map: Record<string, string> = { 'application/pdf': '.pdf', 'image/jpeg': '.jpg', 'image/png': '.png', 'image/webp': '.webp', 'image/tiff': '.tif' };
  return map[contentType] ?? '';
}
