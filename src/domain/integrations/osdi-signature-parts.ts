import type { OsdiSignatureInput } from '../../contracts/osdi.js';
import type { SignatureDetails } from '../../db/schema/petitions.js';

/** What a signature row keeps of an OSDI helper post: every field given, none invented. */
export type OsdiSignatureParts = {
  givenName: string;
  familyName: string;
  email: string;
  postalCode: string | null;
  city: string | null;
  comment: string | null;
  details: SignatureDetails;
  identifiers: string[];
  originSystem: string | null;
};

export function osdiSignatureParts(body: OsdiSignatureInput): OsdiSignatureParts {
  const person = body.person;
  const primaryEmail = person.email_addresses.find((e) => e.primary) ?? person.email_addresses[0];
  const addresses = person.postal_addresses ?? [];
  const address = addresses.find((a) => a.primary) ?? addresses[0];
  const details: SignatureDetails = {};
  if (person.phone_numbers?.length) details.phoneNumbers = person.phone_numbers.map((p) => ({ number: p.number, ...(p.number_type ? { number_type: p.number_type } : {}), ...(p.sms_capable !== undefined ? { sms_capable: p.sms_capable } : {}) }));
  if (addresses.length > 0) details.postalAddresses = addresses;
  if (person.custom_fields && Object.keys(person.custom_fields).length > 0) details.customFields = person.custom_fields;
  if (body.add_tags?.length) details.tags = body.add_tags;
  if (body.action_date) details.actionDate = body.action_date;
  if (body.referrer_data) details.referrerData = body.referrer_data;
  if (primaryEmail?.status) details.emailStatus = primaryEmail.status;
  if (person.languages_spoken?.[0]) details.languageSpoken = person.languages_spoken[0];
  return {
    givenName: person.given_name ?? '',
    familyName: person.family_name ?? '',
    email: primaryEmail?.address ?? '',
    postalCode: address?.postal_code ? address.postal_code : null,
    city: address?.locality ? address.locality : null,
    comment: body.comments ? body.comments : null,
    details,
    // The person's foreign ids and the action's: either one names this signer in the other system.
    identifiers: [...new Set([...(body.identifiers ?? []), ...(person.identifiers ?? [])])].filter((i) => !i.startsWith('unionhall:')),
    originSystem: body.origin_system ?? person.origin_system ?? null,
  };
}
