export type MatchMethod = 'email' | 'employee_id' | 'name_school';

export type MatchDecision =
  | { status: 'matched'; personId: string; method: MatchMethod }
  | { status: 'ambiguous'; candidates: string[] }
  | { status: 'unmatched' };

/**
 * Decides who signed, from the people each method found, tried in order of strength: email
 * (personal or work), then employee id, then name + school. The first method that finds exactly
 * one person wins. If none does but some found several, the card goes to review with all of them
 * as candidates; if none found anyone, it goes to review as unmatched. A guess is never made.
 */
export function decideMatch(found: Record<MatchMethod, readonly string[]>): MatchDecision {
  const order: MatchMethod[] = ['email', 'employee_id', 'name_school'];
  for (const method of order) {
    const ids = [...new Set(found[method])];
    if (ids.length === 1 && ids[0] !== undefined) return { status: 'matched', personId: ids[0], method };
  }
  const candidates = [...new Set(order.flatMap((m) => found[m]))];
  return candidates.length > 1 ? { status: 'ambiguous', candidates } : { status: 'unmatched' };
}
