import type { OsdiAttendanceInput } from '../../contracts/osdi-events.js';
import type { RsvpDetails } from '../../db/schema/public-site.js';
import { osdiSignatureParts } from './osdi-signature-parts.js';

/** What an RSVP keeps of an OSDI attendance helper post: every field given, none invented. */
export type OsdiAttendanceParts = { name: string; email: string; phone: string | null; details: RsvpDetails; identifiers: string[]; originSystem: string | null };

export function osdiAttendanceParts(body: OsdiAttendanceInput): OsdiAttendanceParts {
  // The same person fields as a signature: one reading of OSDI's person for every helper.
  const parts = osdiSignatureParts({ ...body, ...(body.comment ? { comments: body.comment } : {}) });
  const details: RsvpDetails = { ...parts.details };
  if (parts.givenName) details.givenName = parts.givenName;
  if (parts.familyName) details.familyName = parts.familyName;
  if (parts.comment) details.comment = parts.comment;
  const phone = parts.details.phoneNumbers?.[0]?.number ?? null;
  return {
    // The door list shows one name; an email alone is enough.
    name: [parts.givenName, parts.familyName].filter((n) => n !== '').join(' '),
    email: parts.email.toLowerCase(),
    phone: phone ? phone.slice(0, 40) : null,
    details,
    identifiers: parts.identifiers,
    originSystem: parts.originSystem,
  };
}
