import { describe, expect, it } from 'vitest';
import { groupEndorsements } from './endorsement-groups.js';

describe('groupEndorsements', () => {
  it('puts senators and assemblymembers together and keeps the wall order', () => {
    const groups = groupEndorsements([
      { level: 'union' as const, n: 1 },
      { level: 'state_assembly' as const, n: 2 },
      { level: 'congress' as const, n: 3 },
      { level: 'state_senate' as const, n: 4 },
    ]);
    expect(groups.map((g) => [g.group, g.items.map((i) => i.n)])).toEqual([
      ['congress', [3]],
      ['state_legislature', [2, 4]],
      ['union', [1]],
    ]);
  });
});
