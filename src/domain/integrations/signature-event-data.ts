import type { SignatureRow } from '../../db/repositories/petitions-repository.js';

/** What a `signature.confirmed` webhook says: the signer as they gave themselves to a public petition. */
export function signatureEventData(s: SignatureRow): Record<string, unknown> {
  return {
    petition_id: s.petitionId,
    signature: {
      identifiers: [`unionhall:${s.id}`, ...s.identifiers],
      created_date: s.createdAt.toISOString(),
      confirmed_date: s.confirmedAt?.toISOString() ?? null,
      origin_system: s.originSystem ?? 'Unionhall',
      ...(s.comment ? { comments: s.comment } : {}),
      person: {
        ...(s.givenName ? { given_name: s.givenName } : {}),
        ...(s.familyName ? { family_name: s.familyName } : {}),
        email_addresses: [{ address: s.email, primary: true }],
        ...(s.postalCode ? { postal_addresses: [{ postal_code: s.postalCode, ...(s.city ? { locality: s.city } : {}) }] } : {}),
      },
    },
  };
}
