import { z } from 'zod';
import { cardSources, matchMethods, matchStatuses } from '../vocabulary/cards.js';
import { day, id, instant, pageQuery, slugParams } from './shared.js';

// The organizer API of support cards: what each route takes and answers.

export const cardStatuses = ['valid', 'not_yet_signed', 'expired', 'revoked'] as const;
export const SCAN_TYPES = ['application/pdf', 'image/jpeg', 'image/png', 'image/webp', 'image/tiff'] as const;
export const MAX_SCAN_BYTES = 10 * 1024 * 1024;

export const cardParams = slugParams.extend({ cardId: id('card') });

export const cardText = z.object({ id: z.uuid(), version: z.number().int(), title: z.string(), body: z.string(), createdAt: instant });
export type CardText = z.infer<typeof cardText>;

export const cardMatch = z.object({
  status: z.enum(matchStatuses),
  method: z.enum(matchMethods).nullable(),
  personId: z.uuid().nullable(),
  personName: z.string().nullable(),
});

export const cardSummary = z.object({
  id: z.uuid(),
  signerName: z.string(),
  worksiteId: z.uuid(),
  worksiteName: z.string(),
  jobTitle: z.string(),
  signedOn: day,
  source: z.enum(cardSources),
  status: z.enum(cardStatuses),
  expiresOn: day,
  revokedOn: day.nullable(),
  match: cardMatch,
});
export type CardSummary = z.infer<typeof cardSummary>;

export const cardDetail = cardSummary.extend({
  email: z.string().nullable(),
  phone: z.string().nullable(),
  employeeId: z.string().nullable(),
  employerName: z.string(),
  cardTextVersion: z.number().int(),
  cardText: z.string(),
  signedAt: instant.nullable(),
  typedSignature: z.string().nullable(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  createdAt: instant,
  revocationReason: z.string().nullable(),
  contentHash: z.string(),
  hashVerified: z.boolean(),
  scan: z.object({ filename: z.string(), contentType: z.string(), byteSize: z.number().int(), sha256: z.string() }).nullable(),
  confirmation: z.object({ id: z.uuid(), to: z.string(), createdAt: instant, sentAt: instant.nullable(), error: z.string().nullable() }).nullable(),
});
export type CardDetail = z.infer<typeof cardDetail>;

export const reviewCandidate = z.object({ personId: z.uuid(), name: z.string(), employeeId: z.string().nullable(), worksiteName: z.string().nullable() });
export const reviewCard = cardSummary.extend({ email: z.string().nullable(), employeeId: z.string().nullable(), candidates: z.array(reviewCandidate) });
export type ReviewCard = z.infer<typeof reviewCard>;

export const cardsContract = {
  listCardTexts: { params: slugParams, response: z.object({ cardTexts: z.array(cardText) }) },
  createCardText: {
    params: slugParams,
    body: z.object({ title: z.string().trim().min(1, 'is required').max(200), body: z.string().trim().min(20, 'is too short to be a card').max(20_000) }),
    response: z.object({ cardText }),
  },
  listCards: {
    params: slugParams,
    query: z.object({ worksite: z.uuid().optional(), match: z.enum([...matchStatuses, 'review']).optional(), ...pageQuery }),
    response: z.object({ asOf: day, cards: z.array(cardSummary) }),
  },
  listCardsForReview: { params: slugParams, response: z.object({ cards: z.array(reviewCard) }) },
  resolveCardMatch: {
    params: cardParams,
    body: z.object({ personId: id('person') }),
    response: z.object({ cardId: z.uuid(), match: z.object({ status: z.literal('resolved'), method: z.literal('manual'), personId: z.uuid() }) }),
  },
  viewCard: { params: cardParams, response: z.object({ card: cardDetail }) },
  viewCardScan: { params: cardParams },
  revokeCard: {
    params: cardParams,
    body: z.object({ effectiveOn: day.optional(), reason: z.string().trim().min(1, 'is required').max(1000) }),
    response: z.object({ cardId: z.uuid(), revokedOn: day }),
  },
  enterPaperCard: {
    params: slugParams,
    body: z.object({
      signerName: z.string().trim().min(2, 'is required').max(200),
      email: z.string().trim().toLowerCase().email('is not an email address').max(254).nullish(),
      phone: z.string().trim().max(40).nullish(),
      worksiteId: id('worksite'),
      jobTitle: z.string().trim().min(2, 'is required').max(120),
      employeeId: z.string().trim().max(60).nullish(),
      signedOn: day,
      cardTextVersion: z.number().int().positive(),
      scan: z.object({
        filename: z.string().trim().min(1).max(200),
        contentType: z.enum(SCAN_TYPES, 'must be a PDF or an image (JPEG, PNG, WebP, TIFF)'),
        dataBase64: z.base64('is not base64').max(Math.ceil((MAX_SCAN_BYTES * 4) / 3) + 4, 'the scan is larger than 10 MB'),
      }),
    }),
    response: z.object({ card: z.object({ id: z.uuid(), contentHash: z.string(), match: z.object({ status: z.enum(matchStatuses), method: z.enum(matchMethods).nullable(), personId: z.uuid().nullable() }) }) }),
  },
} as const;
