import { z } from 'zod';
import { day, id, instant, slugParams } from './shared.js';

// The audit log as the organizer API shows it (instance-wide for instance admins; a campaign's
// own events for its admins).

export const auditEvent = z.object({
  id: z.number().int(),
  at: instant,
  actorEmail: z.string().nullable(),
  /** The actor's name as their account has it now; null for the system (the CLI) or a deleted account. */
  actorName: z.string().nullable(),
  actorAccountId: z.uuid().nullable(),
  campaignId: z.uuid().nullable(),
  action: z.string(),
  subjectType: z.string().nullable(),
  subjectId: z.string().nullable(),
  ip: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});
export type AuditEvent = z.infer<typeof auditEvent>;

/** Filters every audit listing takes: an action, newest first, paged by `before` (an event id). */
export const auditQuery = {
  action: z.string().max(80).optional(),
  before: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
};

export const auditContract = {
  listAuditEvents: {
    query: z.object({
      ...auditQuery,
      actor: id('account').optional(),
      // Without it, a campaign's entries show only to its members (decision 0027); with it, every campaign's, and the view is recorded as such.
      allCampaigns: z.enum(['true', 'false']).default('false'),
    }),
    response: z.object({ events: z.array(auditEvent) }),
  },
} as const;

/** An instant with its offset, or a day: a `from` day starts, a `to` day ends, in the campaign's zone. */
const instantOrDay = z.iso.datetime({ offset: true }).or(day);

/** A campaign's own audit log, for its admins. */
export const campaignAuditContract = {
  listCampaignAuditEvents: {
    params: slugParams,
    query: z.object({ ...auditQuery, actor: id('account').optional(), from: instantOrDay.optional(), to: instantOrDay.optional() }),
    response: z.object({ events: z.array(auditEvent) }),
  },
} as const;
