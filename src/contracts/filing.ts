import { z } from 'zod';
import { cardSources } from '../vocabulary/cards.js';
import { exceptionReasons, filingCopies, filingFormats, filingJurisdictions, warningCodes } from '../vocabulary/filing.js';
import { day, id, slugParams } from './shared.js';

// The organizer API of the filing packet (proof of support for the labor board) and of the card
// integrity check. Admins only: both name signers.

const packetFields = {
  unitId: id('unit'),
  worksiteId: id('worksite').nullish(),
  filingDate: day,
  jurisdiction: z.enum(filingJurisdictions, 'must be ca_perb or nlrb').optional(),
};

const threshold = z.object({ needed: z.number().int(), met: z.boolean(), remaining: z.number().int() });

/** The same numbers as the majority of the unit (or school) on the filing date. */
export const filingFigures = z.object({
  eligible: z.number().int(),
  validCards: z.number().int(),
  percent: z.number(),
  thresholds: z.object({ showingOfInterest: threshold, majority: threshold, goal: threshold }),
});

export const filingPreview = z.object({
  jurisdiction: z.enum(filingJurisdictions),
  filingDate: day,
  validityMonths: z.number().int(),
  goalPercent: z.number(),
  unit: z.object({ id: z.uuid(), name: z.string() }),
  worksite: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  employers: z.array(z.string()),
  figures: filingFigures,
  counted: z.object({ total: z.number().int(), electronic: z.number().int(), paper: z.number().int() }),
  signedBetween: z.object({ first: day, last: day }).nullable(),
  integrity: z.object({ checked: z.number().int(), altered: z.number().int() }),
  /** Read before generating: below 30%, below 50% + 1, counted cards lacking a confirmation transmission or the signer's answer, cards left out. */
  warnings: z.array(z.object({ code: z.enum(warningCodes), message: z.string(), cardRefs: z.array(z.string()) })),
  exceptionCounts: z.record(z.enum(exceptionReasons), z.number().int()),
  exceptions: z.array(
    z.object({
      ref: z.string(),
      cardId: z.uuid(),
      signerName: z.string(),
      worksiteName: z.string(),
      signedOn: day,
      source: z.enum(cardSources),
      reason: z.enum(exceptionReasons),
      reasonLabel: z.string(),
      detail: z.string(),
    }),
  ),
  /** The titles of the declarations the board and service copies carry. */
  declaration: z.object({ board: z.string(), service: z.string() }),
});
export type FilingPreview = z.infer<typeof filingPreview>;

export const cardHashReport = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  mismatches: z.array(z.object({ cardId: z.uuid(), signedOn: day, worksiteName: z.string(), source: z.enum(cardSources), storedHash: z.string(), computedHash: z.string() })),
});
export type CardHashReport = z.infer<typeof cardHashReport>;

export const filingContract = {
  previewFilingPacket: { params: slugParams, query: z.object(packetFields), response: filingPreview },
  generateFilingPacket: {
    params: slugParams,
    body: z.object({ ...packetFields, copy: z.enum(filingCopies, 'must be board or service'), format: z.enum(filingFormats, 'must be pdf, csv or zip') }),
  },
  verifyCardHashes: { params: slugParams, response: cardHashReport },
} as const;
