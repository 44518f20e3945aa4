import { z } from 'zod';
import { signatureSources, signatureStatuses, signerRelationships } from '../vocabulary/petitions.js';
import { id, instant, slugParams } from './shared.js';

// The organizer API of petitions: writing and publishing them, reviewing held signatures, and the
// signers' export (admins).

const petitionParams = slugParams.extend({ petitionId: id('petition') });
const signatureParams = petitionParams.extend({ signatureId: id('signature') });

export const petition = z.object({
  id: z.uuid(),
  slug: z.string(),
  title: z.string(),
  text: z.string(),
  target: z.string(),
  goal: z.number().int(),
  published: z.boolean(),
  createdAt: instant,
  updatedAt: instant,
  signatures: z.object({ confirmed: z.number().int(), pendingConfirmation: z.number().int(), heldForReview: z.number().int() }),
});
export type Petition = z.infer<typeof petition>;

/** What a reviewer needs to judge a held signature, no more. */
export const heldSignature = z.object({
  id: z.uuid(),
  givenName: z.string(),
  familyName: z.string(),
  email: z.string(),
  postalCode: z.string().nullable(),
  city: z.string().nullable(),
  relationship: z.enum(signerRelationships),
  comment: z.string().nullable(),
  holdReason: z.string().nullable(),
  emailConfirmed: z.boolean(),
  source: z.enum(signatureSources),
  createdAt: instant,
  /** Same value, same network; the address itself is never stored. */
  ipGroup: z.string().nullable(),
});
export type HeldSignature = z.infer<typeof heldSignature>;

const fields = {
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

const reviewed = z.object({ id: z.uuid(), status: z.enum([...signatureStatuses, 'rejected']) });

export const petitionsContract = {
  listPetitions: { params: slugParams, response: z.object({ petitions: z.array(petition) }) },
  createPetition: { params: slugParams, body: z.object({ ...fields, published: fields.published.default(false) }), response: z.object({ petition }) },
  viewPetition: { params: petitionParams, response: z.object({ petition }) },
  updatePetition: { params: petitionParams, body: z.object(fields).partial(), response: z.object({ petition }) },
  listHeldSignatures: { params: petitionParams, response: z.object({ signatures: z.array(heldSignature) }) },
  approveSignature: { params: signatureParams, response: reviewed },
  rejectSignature: { params: signatureParams, response: reviewed },
  exportPetitionSigners: { params: petitionParams },
} as const;
