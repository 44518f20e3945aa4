import type { OsdiAttendance } from '../../contracts/osdi-events.js';
import type { RsvpRow } from '../../db/repositories/events-repository.js';

/**
 * An OSDI attendance (an RSVP) with its person embedded (HAL). Only for API keys with the read
 * scope; field by field, so the confirmation hash never leaves. A door-list RSVP has one name: it
 * goes out as the given name.
 */
export function presentOsdiAttendance(r: RsvpRow, api: string): OsdiAttendance {
  const event = `${api}/events/${r.eventId}`;
  const d = r.details;
  return {
    identifiers: [`unionhall:${r.id}`, ...r.identifiers],
    created_date: r.createdAt.toISOString(),
    modified_date: r.updatedAt.toISOString(),
    ...(d.actionDate ? { action_date: d.actionDate } : {}),
    origin_system: r.originSystem ?? 'Unionhall',
    // One waiting for its email's confirmation has not answered yet, in OSDI's words.
    status: r.status === 'accepted' ? 'accepted' : 'needs action',
    attended: r.checkedInAt !== null,
    ...(d.comment ? { comment: d.comment } : {}),
    ...(d.referrerData ? { referrer_data: d.referrerData } : {}),
    ...(d.tags ? { add_tags: d.tags } : {}),
    _links: { self: { href: `${event}/attendances/${r.id}` }, 'osdi:event': { href: event } },
    _embedded: {
      'osdi:person': {
        ...(d.givenName ? { given_name: d.givenName } : r.name && !d.familyName ? { given_name: r.name } : {}),
        ...(d.familyName ? { family_name: d.familyName } : {}),
        email_addresses: r.email ? [{ address: r.email, primary: true, status: d.emailStatus ?? 'subscribed' }] : [],
        postal_addresses: d.postalAddresses ?? [],
        phone_numbers: d.phoneNumbers ?? (r.phone ? [{ primary: true, number: r.phone }] : []),
        custom_fields: d.customFields ?? {},
      },
    },
  };
}
