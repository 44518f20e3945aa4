import { z } from 'zod';
import { cardNeeds, cardSources, cardStates, confirmationAnswers, confirmationMethods, manualVerificationMethods, matchMethods, matchStatuses, verificationMethods } from '../vocabulary/cards.js';
import { day, id, instant, language, pageQuery, slugParams } from './shared.js';

// The organizer API of support cards: what each route takes and answers.

export const cardStatuses = ['valid', 'not_yet_signed', 'expired', 'revoked'] as const;
export const SCAN_TYPES = ['application/pdf', 'image/jpeg', 'image/png', 'image/webp', 'image/tiff'] as const;
export const MAX_SCAN_BYTES = 10 * 1024 * 1024;

export const cardParams = slugParams.extend({ cardId: id('card') });
export const cardTextParams = slugParams.extend({ cardTextId: id('card text') });
export const employerParams = slugParams.extend({ employerId: id('employer') });

export const cardText = z.object({
  id: z.uuid(),
  version: z.number().int(),
  language,
  title: z.string(),
  body: z.string(),
  createdAt: instant,
  /** Null until an organizer approves it; the newest approved version per language is what signers read. */
  approvedAt: instant.nullable(),
});
export type CardText = z.infer<typeof cardText>;

export const cardMatch = z.object({
  status: z.enum(matchStatuses),
  method: z.enum(matchMethods).nullable(),
  personId: z.uuid().nullable(),
  personName: z.string().nullable(),
});

/** The signer's answer to the confirmation transmission. */
export const signerAnswer = z.object({ answer: z.enum(confirmationAnswers), method: z.enum(confirmationMethods), answeredAt: instant, note: z.string() });
export const cardVerification = z.object({ method: z.enum(verificationMethods), personId: z.uuid(), verifiedAt: instant, verifiedBy: z.string().nullable(), note: z.string() });

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
  /** submitted → confirmed → verified (only verified cards count); or disputed, dismissed. */
  state: z.enum(cardStates),
  /** What the card still needs before it counts. */
  needs: z.array(z.enum(cardNeeds)),
  signerAnswer: signerAnswer.nullable(),
  verification: cardVerification.nullable(),
  dismissal: z.object({ reason: z.string(), dismissedAt: instant }).nullable(),
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

export const reviewCandidate = z.object({
  personId: z.uuid(),
  name: z.string(),
  employeeId: z.string().nullable(),
  worksiteName: z.string().nullable(),
  /** How the person was found: a matching method, or a similar name (accent- and case-blind). */
  reason: z.enum(['email', 'employee_id', 'name_school', 'similar_name']),
  similarity: z.number().nullable(),
});
export const reviewCard = cardSummary.extend({ email: z.string().nullable(), employeeId: z.string().nullable(), candidates: z.array(reviewCandidate) });
export type ReviewCard = z.infer<typeof reviewCard>;

export const employer = z.object({ id: z.uuid(), name: z.string(), emailDomains: z.array(z.string()) });
export type Employer = z.infer<typeof employer>;

export const cardsContract = {
  listCardTexts: { params: slugParams, response: z.object({ cardTexts: z.array(cardText) }) },
  createCardText: {
    params: slugParams,
    body: z.object({
      language: language.default('en'),
      title: z.string().trim().min(1, 'is required').max(200),
      body: z.string().trim().min(20, 'is too short to be a card').max(20_000),
    }),
    response: z.object({ cardText }),
  },
  approveCardText: { params: cardTextParams, response: z.object({ cardText }) },
  listCards: {
    params: slugParams,
    query: z.object({ worksite: z.uuid().optional(), match: z.enum([...matchStatuses, 'review']).optional(), state: z.enum(cardStates).optional(), ...pageQuery }),
    response: z.object({ asOf: day, cards: z.array(cardSummary) }),
  },
  listWaitingCards: {
    params: slugParams,
    response: z.object({ asOf: day, submitted: z.array(cardSummary), confirmed: z.array(cardSummary), disputed: z.array(cardSummary) }),
  },
  listCardsForReview: { params: slugParams, response: z.object({ cards: z.array(reviewCard) }) },
  recordCardAnswer: {
    params: cardParams,
    body: z.object({ answer: z.enum(confirmationAnswers), note: z.string().trim().max(1000).default('') }),
    response: z.object({ cardId: z.uuid(), state: z.enum(cardStates) }),
  },
  verifyCard: {
    params: cardParams,
    body: z.object({
      personId: id('person').optional(),
      method: z.enum([...manualVerificationMethods, 'paper_entry'], 'must be in_person, phone, known_personal_email or paper_entry'),
      note: z.string().trim().max(1000).default(''),
    }),
    response: z.object({ cardId: z.uuid(), state: z.literal('verified'), personId: z.uuid(), method: z.enum(verificationMethods) }),
  },
  dismissCard: {
    params: cardParams,
    body: z.object({ reason: z.string().trim().min(1, 'is required').max(1000) }),
    response: z.object({ cardId: z.uuid(), state: z.literal('dismissed'), dismissedAt: instant }),
  },
  listEmployers: { params: slugParams, response: z.object({ employers: z.array(employer) }) },
  setEmployerEmailDomains: {
    params: employerParams,
    body: z.object({ emailDomains: z.array(z.string().max(253)).max(50) }),
    response: z.object({ employer }),
  },
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
      /** The roster person whose paper this is, when known (else the card is matched as any card). */
      personId: id('person').nullish(),
      signedOn: day,
      cardTextVersion: z.number().int().positive(),
      scan: z.object({
        filename: z.string().trim().min(1).max(200),
        contentType: z.enum(SCAN_TYPES, 'must be a PDF or an image (JPEG, PNG, WebP, TIFF)'),
        dataBase64: z.base64('is not base64').max(Math.ceil((MAX_SCAN_BYTES * 4) / 3) + 4, 'the scan is larger than 10 MB'),
      }),
    }),
    response: z.object({
      card: z.object({
        id: z.uuid(),
        contentHash: z.string(),
        match: z.object({ status: z.enum(matchStatuses), method: z.enum(matchMethods).nullable(), personId: z.uuid().nullable() }),
        /** Verified at entry when the card names one roster person; else it waits in the review queue. */
        state: z.enum(cardStates),
      }),
    }),
  },
} as const;
