import type { OsdiPerson } from '../../contracts/osdi.js';
import type { OsdiPersonRow } from '../../db/repositories/osdi-people-repository.js';

// Fields the presenter writes itself: a client's `other` fields never overwrite them.
const OWN = new Set(['identifiers', 'origin_system', 'created_date', 'modified_date', 'given_name', 'family_name', 'additional_name', 'email_addresses', 'postal_addresses', 'phone_numbers', 'custom_fields', 'languages_spoken', '_links', '_embedded']);

/**
 * An OSDI person (decision 0036), field by field from what they gave a public form or, for an
 * organizing key, from the roster. Nothing about cards, ratings or conversations is here. Other
 * resources (signatures, attendances, submissions) can embed it as `osdi:person`.
 */
export function presentOsdiPerson(p: OsdiPersonRow, api: string): OsdiPerson {
  const d = p.details;
  const self = `${api}/people/${p.id}`;
  const status = p.subscribed ?? d.emailStatus;
  const other = Object.fromEntries(Object.entries(d.other ?? {}).filter(([k]) => !OWN.has(k)));
  return {
    ...other,
    identifiers: [`unionhall:${p.id}`, ...p.identifiers],
    origin_system: p.originSystem ?? 'Unionhall',
    created_date: p.createdAt.toISOString(),
    modified_date: p.updatedAt.toISOString(),
    ...(p.givenName ? { given_name: p.givenName } : {}),
    ...(p.familyName ? { family_name: p.familyName } : {}),
    ...(d.additionalName ? { additional_name: d.additionalName } : {}),
    email_addresses: [
      ...(p.email ? [{ address: p.email, primary: true, ...(status ? { status } : {}) }] : []),
      ...(d.otherEmail ? [{ address: d.otherEmail, primary: false }] : []),
    ],
    postal_addresses: d.postalAddresses ?? [],
    phone_numbers: d.phoneNumbers ?? [],
    custom_fields: d.customFields ?? {},
    ...(d.languagesSpoken?.length ? { languages_spoken: d.languagesSpoken } : {}),
    _links: {
      self: { href: self },
      ...(p.side === 'public' ? { 'osdi:taggings': { href: `${self}/taggings` } } : {}),
    },
  };
}
