import { describe, expect, it } from 'vitest';
import { createRateWindow } from './rate-window.js';

describe('createRateWindow', () => {
  it('counts hits per key within the window and starts over after it', () => {
    const w = createRateWindow({ windowMs: 1000 });
    expect([w.hit('a', 0), w.hit('a', 10), w.hit('b', 20), w.hit('a', 999)]).toEqual([1, 2, 1, 3]);
    expect(w.hit('a', 1000)).toBe(1);
  });

  it('never holds more than maxKeys keys', () => {
    const w = createRateWindow({ windowMs: 60_000, maxKeys: 100 });
    for (let i = 0; i < 1000; i++) w.hit(`k${i}`, i);
    expect(w.size()).toBeLessThanOrEqual(100);
    expect(w.hit('k999', 1000)).toBe(2);
  });
});
