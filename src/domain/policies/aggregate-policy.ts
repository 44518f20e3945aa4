// Which role may read which aggregate, and how exactly. The second table after the role × action
// one (campaign-policy.ts); aggregate-policy.test.ts checks every role against every aggregate.
//
// Aggregates leak individuals when a cell is small or when two answers are compared (decision
// 0023): a school's count of level-1 ratings on two days, next to the conversations a committee
// member can read, told them two coworkers' ratings. So no role below organizer gets a figure that
// counts between 1 and 4 people, alone or as the difference between the figures it does get;
// committee members get figures only for what they may see person by person; and figures per
// school for a day other than today are for organizers and admins.
import { roles, type Role } from '../../vocabulary/roles.js';

export const aggregates = [
  'support.totals', // campaign and unit totals of valid cards, today
  'support.totals.asOf', // the same on another day
  'support.schools', // per-school valid cards, today
  'support.schools.asOf', // per-school valid cards on another day
  'support.growth', // supporters week by week
  'support.activity', // cards signed, revoked in the last 7 and 30 days
  'support.cardDates', // when the first and last counted cards were signed
  'cards.waiting', // cards waiting for review or verification
  'assessments.totals', // campaign and unit counts per support level, today
  'assessments.totals.asOf', // the same on another day
  'assessments.schools', // per-school counts per level, today
  'assessments.schools.asOf', // per-school counts per level on another day
] as const;
export type Aggregate = (typeof aggregates)[number];

/**
 * - exact: every figure as counted.
 * - cells-of-5: every count of people shown is 0 or at least 5, and so is what the shown figures
 *   leave over from their total (small-cells.ts); the rest is withheld (null).
 * - own-worksites: figures over the requester's own worksites only, in cells of 5.
 * - own-list: figures over the people on the requester's own committee list only, in cells of 5.
 * - none: not given (a request for nothing else answers 403).
 */
export type Disclosure = 'exact' | 'cells-of-5' | 'own-worksites' | 'own-list' | 'none';

const table: Record<Aggregate, Record<Role, Disclosure>> = {
  'support.totals': { admin: 'exact', organizer: 'exact', committee: 'own-worksites', viewer: 'cells-of-5' },
  'support.totals.asOf': { admin: 'exact', organizer: 'exact', committee: 'none', viewer: 'cells-of-5' },
  'support.schools': { admin: 'exact', organizer: 'exact', committee: 'own-worksites', viewer: 'cells-of-5' },
  'support.schools.asOf': { admin: 'exact', organizer: 'exact', committee: 'none', viewer: 'none' },
  'support.growth': { admin: 'exact', organizer: 'exact', committee: 'none', viewer: 'cells-of-5' },
  'support.activity': { admin: 'exact', organizer: 'exact', committee: 'none', viewer: 'cells-of-5' },
  'support.cardDates': { admin: 'exact', organizer: 'exact', committee: 'none', viewer: 'none' },
  'cards.waiting': { admin: 'exact', organizer: 'exact', committee: 'none', viewer: 'none' },
  'assessments.totals': { admin: 'exact', organizer: 'exact', committee: 'own-list', viewer: 'cells-of-5' },
  'assessments.totals.asOf': { admin: 'exact', organizer: 'exact', committee: 'none', viewer: 'cells-of-5' },
  'assessments.schools': { admin: 'exact', organizer: 'exact', committee: 'own-list', viewer: 'cells-of-5' },
  'assessments.schools.asOf': { admin: 'exact', organizer: 'exact', committee: 'none', viewer: 'none' },
};

export { roles };

export function disclosureFor(role: Role, aggregate: Aggregate): Disclosure {
  return table[aggregate][role];
}

/** The aggregate for today or for another day: `as_of` figures have their own row. */
export function datedAggregate(aggregate: 'support.totals' | 'support.schools' | 'assessments.totals' | 'assessments.schools', isToday: boolean): Aggregate {
  return isToday ? aggregate : `${aggregate}.asOf`;
}
