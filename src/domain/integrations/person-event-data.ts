import type { SupporterRow } from '../../db/repositories/supporters-repository.js';

/** What a `person.signed_up` webhook says: the person as they gave themselves, and their tags. */
export function personEventData(s: SupporterRow, tags: string[]): Record<string, unknown> {
  const d = s.details;
  return {
    person: {
      identifiers: [`unionhall:${s.id}`, ...s.identifiers],
      created_date: s.createdAt.toISOString(),
      modified_date: s.updatedAt.toISOString(),
      origin_system: s.originSystem ?? 'Unionhall',
      ...(s.givenName ? { given_name: s.givenName } : {}),
      ...(s.familyName ? { family_name: s.familyName } : {}),
      email_addresses: [{ address: s.email, primary: true, ...(d.emailStatus ? { status: d.emailStatus } : {}) }],
      postal_addresses: d.postalAddresses ?? [],
      phone_numbers: d.phoneNumbers ?? [],
      custom_fields: d.customFields ?? {},
    },
    tags,
  };
}
