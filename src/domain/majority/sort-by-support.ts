import type { DisclosedFigures } from './disclose-support.js';

export const supportSorts = ['name', 'percent', 'eligible', 'validCards'] as const;
export type SupportSort = { sort: (typeof supportSorts)[number]; order: 'asc' | 'desc' };

/**
 * Rows sorted by name or by one of their numbers (ties by name, code-point order: stable and fast
 * at 10,000 rows), ascending or descending. Returns a new array. A withheld number sorts below
 * every shown one, whatever it is: its place must not tell it.
 */
export function sortBySupport<T extends { name: string; figures: DisclosedFigures }>(rows: readonly T[], { sort, order }: SupportSort): T[] {
  const dir = order === 'asc' ? 1 : -1;
  const byName = (a: T, b: T) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  const value = (row: T): number => (sort === 'validCards' ? (row.figures.valid_cards ?? -1) : sort === 'name' ? 0 : (row.figures[sort] ?? -1));
  return [...rows].sort((a, b) => (sort === 'name' ? byName(a, b) : value(a) - value(b) || byName(a, b)) * dir);
}
