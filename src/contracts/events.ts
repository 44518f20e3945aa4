import { z } from 'zod';
import { cleanLine } from '../support/clean-text.js';
import { eventKinds } from '../vocabulary/public-site.js';
import { contentSlug, itemParams, noContent } from './public-content.js';
import { day, id, instant, language, slugParams, timeZone } from './shared.js';

// The organizer API of events. Start and end are the campaign's wall-clock day and time, with the
// zone's name (decision 0016): what the organizer types is what the public page shows, whatever
// time zone the organizer's browser is in.

/** A time of day, `HH:MM` on a 24-hour clock. */
export const timeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time as HH:MM (24-hour)');
export const eventKind = z.enum(eventKinds);

export const campaignEvent = z.object({
  id: z.uuid(),
  slug: z.string(),
  kind: eventKind,
  title: z.string(),
  description: z.string(),
  location: z.string(),
  startDay: day,
  startTime: timeOfDay,
  endDay: day,
  endTime: timeOfDay,
  /** The zone the days and times are in: the campaign's. */
  timeZone: z.string(),
  isPublic: z.boolean(),
  rsvpOpen: z.boolean(),
  rsvpCount: z.number().int().optional(),
  checkedInCount: z.number().int().optional(),
});
export type CampaignEvent = z.infer<typeof campaignEvent>;

export const rsvp = z.object({
  id: z.uuid(),
  name: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  lang: language,
  walkIn: z.boolean(),
  checkedInAt: instant.nullable(),
  createdAt: instant,
});
export type Rsvp = z.infer<typeof rsvp>;

const fields = {
  kind: eventKind,
  title: z.string().trim().min(1, 'is required').max(200),
  slug: contentSlug,
  description: z.string().max(20_000),
  location: z.string().trim().max(300),
  startDay: day,
  startTime: timeOfDay,
  endDay: day,
  endTime: timeOfDay,
  /** Optional: when given, it must be the campaign's zone (a client that shows another is refused). */
  timeZone,
  isPublic: z.boolean(),
  rsvpOpen: z.boolean(),
};

const rsvpParams = itemParams.extend({ rsvpId: id('RSVP') });

export const eventsContract = {
  listEvents: { params: slugParams, response: z.object({ timeZone: z.string(), events: z.array(campaignEvent) }) },
  createEvent: {
    params: slugParams,
    body: z.object({
      ...fields,
      slug: fields.slug.optional(),
      description: fields.description.default(''),
      location: fields.location.default(''),
      timeZone: fields.timeZone.optional(),
      isPublic: fields.isPublic.default(true),
      rsvpOpen: fields.rsvpOpen.default(true),
    }),
    response: z.object({ event: campaignEvent }),
  },
  updateEvent: { params: itemParams, body: z.object(fields).partial(), response: z.object({ event: campaignEvent }) },
  deleteEvent: { params: itemParams, response: noContent },
  listRsvps: { params: itemParams, response: z.object({ event: campaignEvent, rsvps: z.array(rsvp) }) },
  exportRsvps: { params: itemParams },
  exportActionNetworkRsvps: { params: itemParams },
  checkInRsvp: {
    params: rsvpParams,
    body: z.object({ checkedIn: z.boolean().default(true) }).default({ checkedIn: true }),
    response: z.object({ rsvp }),
  },
  addWalkIn: {
    params: itemParams,
    body: z.object({
      name: z.string().transform(cleanLine).pipe(z.string().min(1, 'is required').max(200)),
      email: z.string().trim().toLowerCase().max(254).pipe(z.email('is not an email address')).optional(),
      phone: z.string().trim().max(40).optional(),
    }),
    response: z.object({ rsvp }),
  },
} as const;
