import { z } from 'zod';
import { signerRelationships } from '../../db/schema/petitions.js';
import { cleanLine } from '../../support/clean-text.js';

export const relationships = signerRelationships;
export type Relationship = (typeof relationships)[number];

// One-line fields: a line break or a tab inside a name is a space (src/support/clean-text.ts).
const name = () => z.string().transform(cleanLine).pipe(z.string().min(1, 'is required').max(100, 'is too long'));
const city = () => z.string().transform(cleanLine).pipe(z.string().max(100, 'is too long'));
/** One line by nature: the e-mail schema refuses any whitespace inside. */
export const emailField = z.string().trim().toLowerCase().max(254, 'is too long').email('is not an email address');
export const zipField = z
  .string()
  .trim()
  .regex(/^\d{5}(-\d{4})?$/, 'is not a ZIP code (5 digits)');

/** What a signer gives us, from the web form or the OSDI helper, after validation. */
export const signatureInputSchema = z.object({
  givenName: name(),
  familyName: name(),
  email: emailField,
  postalCode: zipField.nullable(),
  city: city().nullable(),
  relationship: z.enum(relationships, 'is required'),
  comment: z.string().trim().max(2000, 'is too long (2,000 characters at most)').nullable(),
  showPublicly: z.boolean(),
});

export type SignatureInput = z.infer<typeof signatureInputSchema>;

/** The web form: strings from the browser, checkboxes present or absent, empty means none. */
export const signatureFormSchema = z.object({
  given_name: name(),
  family_name: name(),
  email: emailField,
  zip: zipField,
  city: city().optional(),
  relationship: z.enum(relationships, 'is required'),
  comment: z.string().trim().max(2000, 'is too long (2,000 characters at most)').optional(),
  show_publicly: z.string().max(10).optional(),
  // "Keep me updated": the campaign's newsletter, by its own double opt-in (never ticked for them).
  keep_updated: z.string().max(10).optional(),
});

export function formToSignatureInput(form: z.infer<typeof signatureFormSchema>): SignatureInput {
  return {
    givenName: form.given_name,
    familyName: form.family_name,
    email: form.email,
    postalCode: form.zip,
    city: form.city ? form.city : null,
    relationship: form.relationship,
    comment: form.comment ? form.comment : null,
    showPublicly: form.show_publicly !== undefined && form.show_publicly !== '',
  };
}
