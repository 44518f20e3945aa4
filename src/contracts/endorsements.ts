import { z } from 'zod';
import { endorsementLevels, endorserKinds } from '../vocabulary/public-site.js';
import { itemParams, noContent } from './public-content.js';
import { day, instant, slugParams } from './shared.js';

// The organizer API of endorsements and their letters (PDF, sent as base64 in the JSON body).

/** About 13.4 MB of base64 carries the 10 MB PDF the domain accepts. */
export const ENDORSEMENT_UPLOAD_LIMIT = 15 * 1024 * 1024;

export const endorsementLevel = z.enum(endorsementLevels);
export const endorserKind = z.enum(endorserKinds);
const documentUpload = z.object({ filename: z.string().trim().min(1).max(200), contentBase64: z.string().min(1).max(14_000_000) });

export const endorsement = z.object({
  id: z.uuid(),
  endorserName: z.string(),
  endorserKind,
  endorserTitle: z.string(),
  level: endorsementLevel,
  endorsedOn: day,
  quote: z.string(),
  isPublic: z.boolean(),
  document: z
    .object({ sha256: z.string(), filename: z.string(), size: z.number().int(), uploadedAt: instant, downloadUrl: z.string(), publicUrl: z.string().nullable() })
    .nullable(),
  updatedAt: instant,
});
export type Endorsement = z.infer<typeof endorsement>;

const fields = {
  endorserName: z.string().trim().min(1, 'is required').max(200),
  endorserKind,
  endorserTitle: z.string().trim().max(200),
  level: endorsementLevel,
  endorsedOn: day,
  quote: z.string().trim().max(2000),
  isPublic: z.boolean(),
};

export const endorsementsContract = {
  listEndorsements: { params: slugParams, response: z.object({ endorsements: z.array(endorsement) }) },
  createEndorsement: {
    params: slugParams,
    body: z.object({ ...fields, endorserTitle: fields.endorserTitle.default(''), quote: fields.quote.default(''), isPublic: fields.isPublic.default(false), document: documentUpload.optional() }),
    response: z.object({ endorsement }),
  },
  /** `document`: absent keeps it, null removes it, a file replaces it. */
  updateEndorsement: { params: itemParams, body: z.object({ ...fields, document: documentUpload.nullable() }).partial(), response: z.object({ endorsement }) },
  deleteEndorsement: { params: itemParams, response: noContent },
  viewEndorsementDocument: { params: itemParams },
} as const;
