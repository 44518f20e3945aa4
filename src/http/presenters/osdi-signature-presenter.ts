import type { OsdiSignature } from '../../contracts/osdi.js';
import type { SignatureRow } from '../../db/repositories/petitions-repository.js';

/**
 * An OSDI signature with its person embedded (HAL). Only for API keys with the read scope; field
 * by field, so the confirmation token's hash, the network pseudonym and the hold reason never leave.
 */
export function presentOsdiSignature(s: SignatureRow, api: string): OsdiSignature {
  const petition = `${api}/petitions/${s.petitionId}`;
  const d = s.details;
  const addresses = d.postalAddresses ?? (s.postalCode || s.city ? [{ primary: true, ...(s.postalCode ? { postal_code: s.postalCode } : {}), ...(s.city ? { locality: s.city } : {}) }] : []);
  return {
    identifiers: [`unionhall:${s.id}`, ...s.identifiers],
    created_date: s.createdAt.toISOString(),
    modified_date: s.updatedAt.toISOString(),
    ...(d.actionDate ? { action_date: d.actionDate } : {}),
    origin_system: s.originSystem ?? 'Unionhall',
    ...(s.comment ? { comments: s.comment } : {}),
    ...(d.referrerData ? { referrer_data: d.referrerData } : {}),
    ...(d.tags ? { add_tags: d.tags } : {}),
    status: s.status,
    _links: { self: { href: `${petition}/signatures/${s.id}` }, 'osdi:petition': { href: petition } },
    _embedded: {
      'osdi:person': {
        ...(s.givenName ? { given_name: s.givenName } : {}),
        ...(s.familyName ? { family_name: s.familyName } : {}),
        email_addresses: [{ address: s.email, primary: true, status: d.emailStatus ?? 'subscribed' }],
        postal_addresses: addresses,
        phone_numbers: d.phoneNumbers ?? [],
        custom_fields: d.customFields ?? {},
      },
    },
  };
}
