import { describe, expect, it } from 'vitest';
import { cardsForMajority, cardsForPercent, supportFigures } from './thresholds.js';

describe('majority thresholds', () => {
  it('majority is strictly more than half', () => {
    expect([1, 2, 3, 10, 11, 40].map(cardsForMajority)).toEqual([1, 2, 2, 6, 6, 21]);
  });

  it('percentages round up to whole cards without float drift', () => {
    expect(cardsForPercent(10, 30)).toBe(3);
    expect(cardsForPercent(11, 30)).toBe(4);
    expect(cardsForPercent(100, 65)).toBe(65);
    expect(cardsForPercent(20, 65)).toBe(13);
    expect(cardsForPercent(7, 65)).toBe(5);
  });

  it('reports needed, met and remaining for each threshold', () => {
    const f = supportFigures(40, 21, 65);
    expect(f.percent).toBe(52.5);
    expect(f.thresholds.showing_of_interest).toEqual({ needed: 12, met: true, remaining: 0 });
    expect(f.thresholds.majority).toEqual({ needed: 21, met: true, remaining: 0 });
    expect(f.thresholds.goal).toEqual({ needed: 26, met: false, remaining: 5 });
  });

  it('exactly half is not a majority', () => {
    expect(supportFigures(10, 5, 65).thresholds.majority).toEqual({ needed: 6, met: false, remaining: 1 });
  });

  it('uses the campaign goal', () => {
    expect(supportFigures(10, 7, 70).thresholds.goal).toEqual({ needed: 7, met: true, remaining: 0 });
  });

  it('with no one eligible, nothing is met and nothing is needed', () => {
    const f = supportFigures(0, 0, 65);
    expect(f.percent).toBe(0);
    expect(f.thresholds.majority).toEqual({ needed: 0, met: false, remaining: 0 });
  });

  it('rounds the percent to one decimal', () => {
    expect(supportFigures(3, 1, 65).percent).toBe(33.3);
    expect(supportFigures(3, 2, 65).percent).toBe(66.7);
  });
});
