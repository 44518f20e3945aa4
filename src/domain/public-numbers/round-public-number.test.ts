import { describe, expect, it } from 'vitest';
import { publicFigure, roundDownTo } from './round-public-number.js';

describe('public numbers', () => {
  it('round down to the granularity', () => {
    expect([145, 146, 149, 150, 4, 0].map((n) => roundDownTo(n, 5))).toEqual([145, 145, 145, 150, 0, 0]);
    expect(roundDownTo(146, 1)).toBe(146);
    expect(roundDownTo(21, 5)).toBe(20);
  });

  it('are worded without revealing the remainder', () => {
    expect(publicFigure(145, 5)).toEqual({ kind: 'over', value: 145 });
    expect(publicFigure(roundDownTo(145, 5), 5)).toEqual(publicFigure(roundDownTo(149, 5), 5));
    expect(publicFigure(0, 5)).toEqual({ kind: 'fewer_than', value: 5 });
    expect(publicFigure(146, 1)).toEqual({ kind: 'exact', value: 146 });
  });
});
