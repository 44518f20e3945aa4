import type { CommandContext } from '../commands/command-context.js';
import type { Day } from '../calendar.js';
import { withDeadline, type IncidentView } from './incident-view.js';
import { describeFilterForAudit, toIncidentFilter, type TimelineFilter } from './timeline-filter.js';

/** The most incidents one timeline shows; the answer says when there were more. */
export const TIMELINE_LIMIT = 2000;

/** The timeline of employer conduct, in date order, filtered; the view is audited (it names witnesses). */
export async function listIncidents(ctx: CommandContext, input: TimelineFilter & { slug: string }): Promise<{ today: Day; truncated: boolean; incidents: IncidentView[] }> {
  const { slug, ...filter } = input;
  const { campaign } = await ctx.authorize(slug, 'conduct.view');
  const rows = await ctx.repos.conduct.listIncidents(campaign.id, toIncidentFilter(filter), TIMELINE_LIMIT + 1);
  const count = Math.min(rows.length, TIMELINE_LIMIT);
  await ctx.audit('conduct.timeline_viewed', { campaignId: campaign.id, details: { filters: describeFilterForAudit(filter), count } });
  const today = ctx.today(campaign);
  return { today, truncated: rows.length > TIMELINE_LIMIT, incidents: rows.slice(0, TIMELINE_LIMIT).map((r) => withDeadline(r, today)) };
}
