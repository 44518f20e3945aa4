import type { OsdiSignupInput } from '../../contracts/osdi.js';
import type { SupporterInput } from '../../db/repositories/supporters-repository.js';
import type { SupporterDetails } from '../../db/schema/supporters.js';

// The person fields read into columns or named details; every other one is kept as sent.
const NAMED = new Set(['identifiers', 'given_name', 'family_name', 'additional_name', 'origin_system', 'email_addresses', 'postal_addresses', 'phone_numbers', 'custom_fields', 'languages_spoken', '_links', '_embedded', 'created_date', 'modified_date']);

/** What a supporters row keeps of a person signup: every field given, none invented. */
export function osdiPersonParts(body: OsdiSignupInput): SupporterInput & { tags: string[] } {
  const person = body.person;
  const primaryEmail = person.email_addresses.find((e) => e.primary) ?? person.email_addresses[0];
  const details: SupporterDetails = {};
  if (person.additional_name) details.additionalName = person.additional_name;
  if (person.phone_numbers?.length) details.phoneNumbers = person.phone_numbers.map((p) => Object.fromEntries(Object.entries(p).filter(([, v]) => v !== undefined)));
  if (person.postal_addresses?.length) details.postalAddresses = person.postal_addresses.map((a) => Object.fromEntries(Object.entries(a).filter(([, v]) => v !== undefined)));
  if (person.custom_fields && Object.keys(person.custom_fields).length > 0) details.customFields = person.custom_fields;
  if (person.languages_spoken?.length) details.languagesSpoken = person.languages_spoken;
  if (primaryEmail?.status) details.emailStatus = primaryEmail.status;
  const other = Object.fromEntries(Object.entries(person).filter(([k, v]) => !NAMED.has(k) && v !== undefined));
  if (Object.keys(other).length > 0) details.other = other;
  return {
    email: (primaryEmail?.address ?? '').toLowerCase(),
    givenName: person.given_name ?? '',
    familyName: person.family_name ?? '',
    details,
    identifiers: [...new Set(person.identifiers ?? [])].filter((i) => !i.startsWith('unionhall:')),
    originSystem: person.origin_system ?? null,
    tags: [...new Set(body.add_tags ?? [])].filter((t) => t !== ''),
  };
}
