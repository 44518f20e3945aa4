import { z } from 'zod';
import { audienceExclusionReasons, newsletterAudiences, newsletterStatuses, updateConsentSources } from '../vocabulary/public-site.js';
import { contentSlug, itemParams, markdown, noContent } from './public-content.js';
import { day, id, instant, language, slugParams } from './shared.js';

// The organizer API of newsletters: writing, scheduling, previewing and emailing them.

export const newsletterStatus = z.enum(newsletterStatuses);
/** When a newsletter appears (published) or will (scheduled): an instant, with its offset. */
const publishAt = z.iso
  .datetime({ offset: true, error: 'must be a date and time with its offset (ISO 8601)' })
  // PostgreSQL stores the years 1 to 9999 of UTC: 9999-12-31T23:00-14:00 is already 10000.
  .refine((value) => Math.abs(new Date(value).getUTCFullYear() - 5000) <= 4999, 'is out of range (years 1 to 9999)')
  .nullable()
  .optional();
const title = z.string().trim().min(1, 'is required').max(200);

export const newsletter = z.object({
  id: z.uuid(),
  slug: z.string(),
  title: z.string(),
  summary: z.string(),
  bodyMarkdown: z.string(),
  lang: language,
  status: newsletterStatus,
  publishAt: instant.nullable(),
  isPublic: z.boolean(),
  sentAt: instant.nullable(),
  sentCount: z.number().int(),
  /** When the email is scheduled to go out (null: not scheduled). */
  sendAt: instant.nullable(),
  audiences: z.array(z.enum(newsletterAudiences)),
  /** With the 'attendees' audience: the event whose RSVPs get it (null: every event's). */
  audienceEventId: z.uuid().nullable(),
  /** The main-language newsletter this one is the other-language version of. */
  versionOf: z.uuid().nullable(),
  createdAt: instant,
  updatedAt: instant,
});
export type Newsletter = z.infer<typeof newsletter>;

export const newslettersContract = {
  listNewsletters: { params: slugParams, response: z.object({ newsletters: z.array(newsletter), subscriberCount: z.number().int(), timeZone: z.string() }) },
  viewNewsletter: { params: itemParams, response: z.object({ newsletter, html: z.string() }) },
  previewNewsletter: { params: slugParams, body: z.object({ bodyMarkdown: markdown }), response: z.object({ html: z.string() }) },
  createNewsletter: {
    params: slugParams,
    body: z.object({
      title,
      slug: contentSlug.optional(),
      summary: z.string().trim().max(500).default(''),
      bodyMarkdown: markdown.default(''),
      lang: language.default('en'),
      status: newsletterStatus.default('draft'),
      publishAt,
    }),
    response: z.object({ newsletter }),
  },
  updateNewsletter: {
    params: itemParams,
    body: z.object({
      title: title.optional(),
      slug: contentSlug.optional(),
      summary: z.string().trim().max(500).optional(),
      bodyMarkdown: markdown.optional(),
      lang: language.optional(),
      status: newsletterStatus.optional(),
      publishAt,
    }),
    response: z.object({ newsletter }),
  },
  deleteNewsletter: { params: itemParams, response: noContent },
  sendNewsletter: { params: itemParams, response: z.object({ sent: z.number().int(), otherLanguages: z.number().int(), suppressed: z.number().int(), excluded: z.number().int() }) },
  recordUpdateConsent: {
    params: slugParams.extend({ personId: id('person') }),
    body: z.discriminatedUnion('source', [
      z.object({ source: z.literal('conversation'), address: z.string().trim().toLowerCase().max(254).pipe(z.email('is not an email address')), lang: language.default('en'), givenOn: day.nullable().default(null) }),
      z.object({ source: z.literal('subscription'), subscriberId: id('subscriber'), givenOn: day.nullable().default(null) }),
    ]),
    response: z.object({ id: z.uuid(), source: z.enum(updateConsentSources), givenOn: z.string(), lang: language }),
  },
  chooseNewsletterAudience: {
    params: itemParams,
    body: z.object({
      audiences: z.array(z.enum(newsletterAudiences)).min(1, 'must name at least one audience'),
      eventId: z.uuid().nullable().default(null),
      versionOf: z.uuid().nullable().default(null),
    }),
    response: z.object({ newsletter }),
  },
  viewNewsletterAudience: {
    params: itemParams,
    response: z.object({
      audiences: z.array(z.string()),
      subscribers: z.number().int(),
      recipients: z.object({ roster: z.number().int(), attendees: z.number().int() }),
      excluded: z.object(Object.fromEntries(audienceExclusionReasons.map((r) => [r, z.number().int()])) as Record<(typeof audienceExclusionReasons)[number], z.ZodNumber>),
      otherVersion: z.number().int(),
      people: z
        .array(
          z.object({
            name: z.string().nullable(),
            address: z.string(),
            lang: language,
            audience: z.enum(['roster', 'attendees']),
            source: z.enum([...updateConsentSources, 'rsvp']),
            reason: z.enum(audienceExclusionReasons).nullable(),
          }),
        )
        .nullable(),
    }),
  },
  scheduleNewsletterSend: {
    params: itemParams,
    // An instant with its offset, or a day and time on the campaign's wall clock (what the app sends:
    // 9:00 means 9:00 where the campaign is, whatever the organizer's computer says); null cancels.
    body: z.union([
      z.object({ sendAt: z.iso.datetime({ offset: true, error: 'must be a date and time with its offset (ISO 8601)' }).nullable() }),
      z.object({ sendOn: day, sendTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/u, 'must be a time as HH:MM (24-hour)') }),
    ]),
    response: z.object({ sendAt: instant.nullable(), sendOn: day.nullable(), sendTime: z.string().nullable(), timeZone: z.string() }),
  },
  previewNewsletterEmail: { params: itemParams },
  sendTestNewsletter: { params: itemParams, response: z.object({ to: z.string() }) },
  viewNewsletterDelivery: {
    params: itemParams,
    response: z.object({
      sentAt: instant.nullable(),
      messages: z.object({ total: z.number().int(), sent: z.number().int(), pending: z.number().int(), failed: z.number().int(), bounced: z.number().int() }),
      audience: z.array(z.object({ lang: z.string(), count: z.number().int(), suppressed: z.number().int() })),
      suppressed: z.number().int(),
      unsubscribedSince: z.number().int(),
    }),
  },
} as const;
