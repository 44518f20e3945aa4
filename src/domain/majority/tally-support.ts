import { cardStatusOn } from '../cards/card-validity.js';

export type EmploymentRecord = {
  id: string;
  personId: string;
  worksiteId: string;
  unitId: string | null;
  startDate: string;
  endDate: string | null;
};

/** `verified`: verified and not disputed by its signer (decision 0023); only such cards count. */
export type CardRecord = { id: string; personId: string | null; signedOn: string; revokedOn: string | null; verified: boolean };

export type SupportTally = { unitId: string; worksiteId: string; eligible: number; validCards: number };

/**
 * Who counts, as of a date. The same rules as the SQL in support-repository.ts (which the tests
 * check against this function on random data):
 *
 * - Eligible: a person with an employment in the unit that has started on or before the date and
 *   has not ended before it (end null or ≥ the date). A person is counted once per unit, at the
 *   worksite of their most recent such employment (latest start, then smallest id), so unit totals
 *   are the sum of their worksites.
 * - Valid card: matched to that person, verified (and not disputed), signed on or before the date,
 *   still inside the validity window, not revoked by the date. A person with several valid cards
 *   counts once.
 */
export function tallySupport(input: { employments: readonly EmploymentRecord[]; cards: readonly CardRecord[]; asOf: string; validityMonths: number }): SupportTally[] {
  const { asOf } = input;
  const primary = primaryEmployments(input.employments, asOf);
  const supporters = new Set<string>();
  for (const c of input.cards) {
    if (c.personId !== null && c.verified && cardStatusOn(c, asOf, input.validityMonths) === 'valid') supporters.add(c.personId);
  }
  const tallies = new Map<string, SupportTally>();
  for (const e of primary.values()) {
    const unitId = e.unitId as string;
    const key = `${unitId}|${e.worksiteId}`;
    const tally = tallies.get(key) ?? { unitId, worksiteId: e.worksiteId, eligible: 0, validCards: 0 };
    tally.eligible++;
    if (supporters.has(e.personId)) tally.validCards++;
    tallies.set(key, tally);
  }
  return [...tallies.values()].sort((a, b) => (a.unitId + a.worksiteId).localeCompare(b.unitId + b.worksiteId));
}

/**
 * Each person's one counting employment per unit on a date (the eligibility rule above), keyed by
 * `personId|unitId`. The filing packet lists the same people the majority numbers count.
 */
export function primaryEmployments<E extends EmploymentRecord>(employments: readonly E[], asOf: string): Map<string, E> {
  const primary = new Map<string, E>();
  for (const e of employments) {
    if (e.unitId === null || e.startDate > asOf || (e.endDate !== null && e.endDate < asOf)) continue;
    const key = `${e.personId}|${e.unitId}`;
    const current = primary.get(key);
    if (!current || e.startDate > current.startDate || (e.startDate === current.startDate && e.id < current.id)) primary.set(key, e);
  }
  return primary;
}
