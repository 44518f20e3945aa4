import { z } from 'zod';
import { day, instant, slugParams } from './shared.js';

// The audit log as the organizer API shows it: who did what, when, from where.

export const auditEvent = z.object({
  id: z.number().int(),
  at: instant,
  actorEmail: z.string().nullable(),
  campaignId: z.uuid().nullable(),
  action: z.string(),
  subjectType: z.string().nullable(),
  subjectId: z.string().nullable(),
  ip: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});
export type AuditEvent = z.infer<typeof auditEvent>;

/** An instant with its offset, or a day (a `to` day covers the whole day, in the campaign's zone). */
const instantOrDay = z.iso.datetime({ offset: true }).or(day);

export const auditContract = {
  listAuditEvents: {
    params: slugParams,
    query: z.object({
      action: z.string().max(80).optional(),
      from: instantOrDay.optional(),
      to: instantOrDay.optional(),
      before: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional(),
      limit: z.coerce.number().int().min(1).max(500).default(100),
    }),
    response: z.object({ events: z.array(auditEvent) }),
  },
} as const;
