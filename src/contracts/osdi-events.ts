import { z } from 'zod';
import { collection, curie, identifier, line, link, osdiPersonInput, pageQuery } from './osdi.js';

// OSDI events, attendances (RSVPs) and the record attendance helper (issue 14, decision 0038).
// OSDI's own names, as in osdi.ts.

const eventParams = z.object({ id: z.string().max(100) });

export const osdiEvent = z.object({
  identifiers: z.array(z.string()),
  origin_system: z.string(),
  created_date: z.string(),
  modified_date: z.string(),
  name: z.string(),
  title: z.string(),
  description: z.string(),
  browser_url: z.string(),
  type: z.literal('open'),
  status: z.literal('confirmed'),
  start_date: z.string(),
  end_date: z.string(),
  all_day: z.boolean(),
  visibility: z.literal('public'),
  timezone_identifier: z.string(),
  location: z.object({ venue: z.string() }).optional(),
  _links: z.object({ self: link, 'osdi:attendances': link, 'osdi:record_attendance_helper': link, curies: z.array(curie).optional() }),
});
export type OsdiEvent = z.infer<typeof osdiEvent>;

export const osdiAttendanceInput = z.object({
  person: osdiPersonInput,
  identifiers: z.array(identifier).max(20).optional(),
  origin_system: line(100).optional(),
  action_date: z.iso.datetime({ offset: true }).optional(),
  // An RSVP is a yes: declining or cancelling over the API is not offered (a clear 400, not a yes).
  status: z.literal('accepted', { error: 'only accepted RSVPs are recorded' }).optional(),
  comment: z.string().trim().max(2000, 'is too long').optional(),
  referrer_data: z.record(z.string().max(100), z.union([z.string().max(2000), z.number(), z.boolean(), z.null()])).optional(),
  add_tags: z.array(line(100)).max(50).optional(),
});
export type OsdiAttendanceInput = z.infer<typeof osdiAttendanceInput>;

export const osdiAttendance = z.object({
  identifiers: z.array(z.string()),
  created_date: z.string(),
  modified_date: z.string(),
  action_date: z.string().optional(),
  origin_system: z.string(),
  status: z.enum(['accepted', 'needs action']),
  attended: z.boolean(),
  comment: z.string().optional(),
  referrer_data: z.record(z.string(), z.unknown()).optional(),
  add_tags: z.array(z.string()).optional(),
  _links: z.object({ self: link, 'osdi:event': link }),
  _embedded: z.object({
    'osdi:person': z.object({
      given_name: z.string().optional(),
      family_name: z.string().optional(),
      email_addresses: z.array(z.object({ address: z.string(), primary: z.boolean(), status: z.string() })),
      postal_addresses: z.array(z.record(z.string(), z.unknown())),
      phone_numbers: z.array(z.record(z.string(), z.unknown())),
      custom_fields: z.record(z.string(), z.string()),
    }),
  }),
});
export type OsdiAttendance = z.infer<typeof osdiAttendance>;

export const osdiEventsContract = {
  listOsdiEvents: { query: z.object(pageQuery), response: collection('osdi:events', osdiEvent) },
  viewOsdiEvent: { params: eventParams, response: osdiEvent },
  listOsdiAttendances: { params: eventParams, query: z.object(pageQuery), response: collection('osdi:attendances', osdiAttendance) },
  viewOsdiAttendance: { params: z.object({ id: z.string().max(100), attendanceId: z.string().max(100) }), response: osdiAttendance },
  recordOsdiAttendance: {
    params: eventParams,
    body: osdiAttendanceInput,
    /** `{}` without a key, as Action Network answers; with a write-scoped key, the attendance. */
    response: z.union([osdiAttendance, z.object({})]),
  },
} as const;
