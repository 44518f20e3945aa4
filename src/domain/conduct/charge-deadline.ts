import { addMonths, daysBetween } from '../calendar.js';

// The charge deadline: an unfair-practice charge must be filed within six months of the conduct
// under both EERA (Gov. Code §3541.5(a)) and the NLRA (§10(b)). Dates are local calendar dates
// (YYYY-MM-DD), from the one calendar (src/domain/calendar.ts).
//
// We count conservatively: the same day of the month N months later, or the last day of that month
// when it has no such day (Aug 31 + 6 months = Feb 28, or Feb 29 in a leap year), and no extension
// for weekends or holidays. An organizer who files by this date is never late.

export type DeadlineLevel = 'ok' | 'warning' | 'expired' | 'filed';

export type ChargeDeadline = { deadline: string; daysLeft: number; level: DeadlineLevel };

/** Days before the deadline from which an incident is flagged. */
export const WARNING_DAYS = 30;

/** Statuses after which the deadline no longer matters: the charge was filed (or resolved). */
const FILED_STATUSES: readonly string[] = ['charge_filed', 'settled', 'decided'];

/**
 * The deadline of an incident: `months` after the conduct (the shortest limit among the provisions
 * it may breach), days left as of `today`, and how loudly to warn.
 */
export function computeChargeDeadline(input: { occurredOn: string; months: number; today: string; status: string }): ChargeDeadline {
  const deadline = addMonths(input.occurredOn, input.months);
  const daysLeft = daysBetween(input.today, deadline);
  let level: DeadlineLevel;
  if (FILED_STATUSES.includes(input.status)) level = 'filed';
  else if (daysLeft < 0) level = 'expired';
  else if (daysLeft <= WARNING_DAYS) level = 'warning';
  else level = 'ok';
  return { deadline, daysLeft, level };
}

/** The limit that applies when an incident cites several provisions: the shortest (default six). */
export function deadlineMonthsFor(provisionMonths: readonly number[]): number {
  return provisionMonths.length === 0 ? 6 : Math.min(...provisionMonths);
}
