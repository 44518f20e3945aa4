import type { RsvpRow } from '../../db/repositories/events-repository.js';

/** What an `attendance.confirmed` webhook says: the RSVP as the person gave it to a public event. */
export function attendanceEventData(r: RsvpRow): Record<string, unknown> {
  const d = r.details;
  return {
    event_id: r.eventId,
    attendance: {
      identifiers: [`unionhall:${r.id}`, ...r.identifiers],
      created_date: r.createdAt.toISOString(),
      modified_date: r.updatedAt.toISOString(),
      origin_system: r.originSystem ?? 'Unionhall',
      status: 'accepted',
      ...(d.actionDate ? { action_date: d.actionDate } : {}),
      ...(d.comment ? { comment: d.comment } : {}),
      ...(d.referrerData ? { referrer_data: d.referrerData } : {}),
      ...(d.tags ? { add_tags: d.tags } : {}),
      person: {
        ...(d.givenName ? { given_name: d.givenName } : r.name ? { given_name: r.name } : {}),
        ...(d.familyName ? { family_name: d.familyName } : {}),
        email_addresses: r.email ? [{ address: r.email, primary: true }] : [],
        ...(r.phone ? { phone_numbers: [{ number: r.phone, primary: true }] } : {}),
        ...(d.postalAddresses ? { postal_addresses: d.postalAddresses } : {}),
        ...(d.customFields ? { custom_fields: d.customFields } : {}),
      },
    },
  };
}
