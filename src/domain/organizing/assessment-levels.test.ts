import { describe, expect, it } from 'vitest';
import { levelKey, summarizeLevels } from './assessment-levels.js';

describe('assessment levels', () => {
  it('treats null and out-of-range levels as unknown', () => {
    expect(levelKey(null)).toBe('unknown');
    expect(levelKey(7)).toBe('unknown');
    expect(levelKey(2)).toBe(2);
  });

  it('sums per unit and per worksite, counting 1s and 2s as likely yes', () => {
    const summary = summarizeLevels([
      { unitId: 'u', worksiteId: 'a', level: 1, n: 3 },
      { unitId: 'u', worksiteId: 'a', level: 2, n: 2 },
      { unitId: 'u', worksiteId: 'b', level: 5, n: 1 },
      { unitId: 'u', worksiteId: 'b', level: null, n: 4 },
    ]);
    expect(summary.units.get('u')).toEqual({ 1: 3, 2: 2, 3: 0, 4: 0, 5: 1, unknown: 4, total: 10, likelyYes: 5 });
    expect(summary.worksites.get('a')?.likelyYes).toBe(5);
    expect(summary.worksites.get('b')).toMatchObject({ 5: 1, unknown: 4, total: 5, likelyYes: 0 });
    expect(summary.total.total).toBe(10);
  });
});
