/** The granularities a campaign may choose: 1 publishes exact numbers. */
export const MIN_GRANULARITY = 1;
export const MAX_GRANULARITY = 100;
export const DEFAULT_GRANULARITY = 5;

/** A count rounded down to a multiple of the granularity: 147 → 145 at 5. */
export function roundDownTo(count: number, granularity: number): number {
  const g = Math.max(1, Math.trunc(granularity));
  return Math.floor(Math.max(0, count) / g) * g;
}

/**
 * How the public site words a published number. Exact at granularity 1 ("146"); otherwise "over
 * 145" whatever the remainder, as the campaign's newsletters say "over 146" (the wording must not
 * reveal whether the count is a multiple of the granularity), and "fewer than 5" below the first step.
 */
export type PublicFigure = { kind: 'exact' | 'over' | 'fewer_than'; value: number };

export function publicFigure(shown: number, granularity: number): PublicFigure {
  if (granularity <= 1) return { kind: 'exact', value: shown };
  if (shown <= 0) return { kind: 'fewer_than', value: granularity };
  return { kind: 'over', value: shown };
}
