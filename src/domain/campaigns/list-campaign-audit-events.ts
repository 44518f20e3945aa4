import type { AuditEventRow } from '../../db/repositories/audit-repository.js';
import { instantOf, isDay, startOfDay } from '../calendar.js';
import type { CommandContext } from '../commands/command-context.js';

export type ListCampaignAuditEventsInput = {
  slug: string;
  action?: string;
  /** Only what this account did. */
  actor?: string;
  /** An instant (ISO 8601 with its offset) or a day: a `from` day starts, a `to` day ends, in the campaign's zone. */
  from?: string;
  to?: string;
  before?: number;
  limit: number;
};

/** The campaign's audit log, newest first: who looked at or changed what, when, from where. */
export async function listCampaignAuditEvents(ctx: CommandContext, input: ListCampaignAuditEventsInput): Promise<AuditEventRow[]> {
  const { campaign } = await ctx.authorize(input.slug, 'audit.view');
  const zone = campaign.timeZone;
  const from = input.from === undefined ? undefined : isDay(input.from) ? startOfDay(input.from, zone) : new Date(input.from);
  // A `to` day includes the whole of it, to its last millisecond (9999-12-31 has no next day to start).
  const to = input.to === undefined ? undefined : isDay(input.to) ? instantOf(input.to, '23:59:59.999', zone) : new Date(input.to);
  return ctx.repos.audit.list({ campaignId: campaign.id, action: input.action, actorAccountId: input.actor, from: from && withinYears(from), to: to && withinYears(to), beforeId: input.before, limit: input.limit });
}

// An instant is sent to PostgreSQL in ISO 8601, which writes years 1 to 9999 only (year 0 and
// +010000 are refused): a bound beyond them selects the same events as the edge itself.
const FIRST = Date.parse('0001-01-01T00:00:00.000Z');
const LAST = Date.parse('9999-12-31T23:59:59.999Z');
function withinYears(instant: Date): Date {
  return new Date(Math.min(LAST, Math.max(FIRST, instant.getTime())));
}
