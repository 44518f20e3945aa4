import { addDays, addMonths } from '../calendar.js';
import type { CommandContext } from '../commands/command-context.js';
import { withDeadline } from '../conduct/incident-view.js';
import { canPerform, grantFor } from '../policies/campaign-policy.js';

export type DeadlineDue = { incidentId: string; occurredOn: string; deadline: string; daysLeft: number };
export type TodayView = {
  today: string;
  /** Incidents whose unfair-practice charge must be filed within 30 days; null when the requester does not see the evidence log. */
  chargeDeadlines: DeadlineDue[] | null;
  /** People whose card stops being valid in the next 30 days; null below organizer. */
  cardsExpiring: number | null;
  /** Mail kept in the outbox because no mail server is set up (SMTP_URL); null below organizer. */
  mailHeld: { messages: number; cardConfirmations: number } | null;
};

// The evidence log keeps incidents this far back: no provision allows more than a year.
const DEADLINE_LOOKBACK_MONTHS = 13;

/**
 * What needs doing today, beyond the support numbers (issue 12, item 4): charge deadlines coming
 * due, cards about to expire, and mail that is not going out. Counts and dates only: nobody is
 * named, so nothing here is audited.
 */
export async function viewToday(ctx: CommandContext, input: { slug: string }): Promise<TodayView> {
  const { campaign, actor } = await ctx.authorize(input.slug, 'dashboard.view');
  const today = ctx.today(campaign);
  const organizer = grantFor(actor.role, 'cards.view') === 'all';
  let chargeDeadlines: DeadlineDue[] | null = null;
  if (canPerform(actor, 'conduct.view')) {
    const incidents = await ctx.repos.conduct.listIncidents(campaign.id, { from: addMonths(today, -DEADLINE_LOOKBACK_MONTHS) }, 5000);
    chargeDeadlines = incidents
      .map((i) => withDeadline(i, today))
      .filter((i) => i.deadline.level === 'warning')
      .map((i) => ({ incidentId: i.id, occurredOn: i.occurredOn, deadline: i.deadline.deadline, daysLeft: i.deadline.daysLeft }))
      .sort((a, b) => a.daysLeft - b.daysLeft);
  }
  return {
    today,
    chargeDeadlines,
    cardsExpiring: organizer ? await ctx.repos.today.cardsExpiring(campaign.id, today, addDays(today, 30), campaign.cardValidityMonths) : null,
    mailHeld: organizer ? await ctx.repos.today.mailHeld(campaign.id) : null,
  };
}
