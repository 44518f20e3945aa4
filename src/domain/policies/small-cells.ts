/** The smallest number of people a figure may count, below organizer (decision 0023). */
export const MIN_CELL = 5;

/** A count that isolates no one: nobody, or at least five people. */
export function isSafeCount(n: number): boolean {
  return n === 0 || n >= MIN_CELL;
}

/** A count as a role below organizer may see it: itself when safe, else withheld. */
export function safeCount(n: number): number | null {
  return isSafeCount(n) ? n : null;
}

/**
 * One cell of a breakdown (a school, a unit): its counts of people, by category (e.g. supporters
 * and the others; or each support level), in one or more groups whose totals are shown (the
 * campaign, each unit).
 */
export type Cell<K> = { key: K; parts: ReadonlyMap<string, readonly number[]> };

const safeVector = (v: readonly number[]): boolean => v.every(isSafeCount);

/**
 * Which cells may be shown: each of their counts is 0 or at least 5, and so is what the shown
 * cells leave over from each group's total (the total minus the shown cells is the sum of the
 * hidden ones: one hidden cell would otherwise be read off). While a remainder is small, the
 * shown cell with the smallest count in it is hidden too. Cells that are hidden show nothing.
 */
export function discloseCells<K>(cells: readonly Cell<K>[]): Set<K> {
  const totals = new Map<string, number[]>();
  for (const cell of cells) {
    for (const [group, counts] of cell.parts) {
      const total = totals.get(group) ?? counts.map(() => 0);
      counts.forEach((n, i) => (total[i] = (total[i] ?? 0) + n));
      totals.set(group, total);
    }
  }
  const shown = new Map(cells.filter((c) => [...c.parts.values()].every(safeVector)).map((c) => [c.key, c]));
  for (;;) {
    let small: { group: string; index: number } | null = null;
    for (const [group, total] of totals) {
      const rest = [...total];
      for (const cell of shown.values()) cell.parts.get(group)?.forEach((n, i) => (rest[i] = (rest[i] ?? 0) - n));
      // A total that is itself small is withheld by the caller: nothing can be read off it.
      const index = rest.findIndex((n, i) => !isSafeCount(n) && isSafeCount(total[i] ?? 0));
      if (index >= 0) {
        small = { group, index };
        break;
      }
    }
    if (!small) return new Set(shown.keys());
    const { group, index } = small;
    // Hiding the cell with the smallest non-zero count there grows the remainder least.
    let pick: Cell<K> | null = null;
    for (const cell of shown.values()) {
      const n = cell.parts.get(group)?.[index] ?? 0;
      if (n === 0) continue;
      if (!pick || n < (pick.parts.get(group)?.[index] ?? 0)) pick = cell;
    }
    // A safe total with a small remainder has some of it in a shown cell (shown cells are safe).
    if (!pick) throw new Error('small-cells: no shown cell to hide');
    shown.delete(pick.key);
  }
}
