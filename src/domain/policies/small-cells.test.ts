import { describe, expect, it } from 'vitest';
import { createRandom } from '../../demo/demo-random.js';
import { discloseCells, isSafeCount, safeCount, type Cell } from './small-cells.js';

// [supporters, others] per school, in the campaign group.
const school = (key: string, supporters: number, others: number): Cell<string> => ({ key, parts: new Map([['all', [supporters, others]]]) });

describe('small cells', () => {
  it('a count is safe at 0 or from 5', () => {
    expect([0, 1, 4, 5, 6].map(isSafeCount)).toEqual([true, false, false, true, true]);
    expect([0, 3, 7].map(safeCount)).toEqual([0, null, 7]);
  });

  it('shows the cells whose counts are all 0 or at least 5', () => {
    const shown = discloseCells([school('a', 10, 12), school('b', 5, 0), school('c', 0, 20), school('d', 3, 9), school('e', 20, 2), school('f', 4, 7)]);
    // d, e and f are small and hide together: their 27 supporters and 18 others are a safe remainder.
    expect([...shown].sort()).toEqual(['a', 'b', 'c']);
  });

  it('hides one more cell when a single hidden cell could be read off the total', () => {
    // Without more hiding, total − shown = the 3 supporters of d alone.
    const shown = discloseCells([school('a', 10, 12), school('b', 6, 9), school('d', 3, 9)]);
    expect(shown.has('d')).toBe(false);
    expect(shown.has('b')).toBe(false); // the smallest shown count of supporters goes too: 6 + 3 = 9
    expect(shown.has('a')).toBe(true);
  });

  it('never leaves a remainder of 1 to 4 people against a shown total, on random data', () => {
    const random = createRandom(5);
    for (let round = 0; round < 500; round++) {
      const cells = Array.from({ length: random.int(1, 12) }, (_, i) => ({
        key: i,
        parts: new Map([
          ['all', [random.int(0, 12), random.int(0, 12)]],
          [`unit-${i % 2}`, [random.int(0, 12), random.int(0, 12)]],
        ]),
      }));
      const shown = discloseCells(cells);
      for (const group of ['all', 'unit-0', 'unit-1']) {
        const inGroup = cells.filter((c) => c.parts.has(group));
        for (const i of [0, 1]) {
          const total = inGroup.reduce((n, c) => n + (c.parts.get(group)?.[i] ?? 0), 0);
          const seen = inGroup.filter((c) => shown.has(c.key)).reduce((n, c) => n + (c.parts.get(group)?.[i] ?? 0), 0);
          if (isSafeCount(total)) expect(isSafeCount(total - seen), `round ${round} ${group}[${i}]`).toBe(true);
        }
      }
      for (const c of cells) if (shown.has(c.key)) for (const v of c.parts.values()) expect(v.every(isSafeCount)).toBe(true);
    }
  });
});
