/**
 * Fixed-window counters per key (an IP hash, an email hash), in memory. Good enough for one
 * process: the point is to notice a flood or a mail bomb, not to meter exactly.
 */
export function createRateWindow(options: { windowMs: number; maxKeys?: number }) {
  const maxKeys = options.maxKeys ?? 100_000;
  const counts = new Map<string, { n: number; resetAt: number }>();

  function sweep(nowMs: number): void {
    for (const [key, entry] of counts) if (entry.resetAt <= nowMs) counts.delete(key);
    // Still full of live keys (a spray of addresses): forget the oldest tenth rather than grow
    // forever. A tenth, not one: a sweep walks every key, and evicting one at a time would walk
    // them all again on each of the next requests (a spray would cost O(maxKeys) per signature).
    if (counts.size >= maxKeys) {
      let excess = counts.size - maxKeys + Math.max(1, Math.floor(maxKeys / 10));
      for (const key of counts.keys()) {
        if (excess-- <= 0) break;
        counts.delete(key);
      }
    }
  }

  return {
    /** Counts one hit and returns the number of hits in the current window, this one included. */
    hit(key: string, nowMs: number): number {
      const entry = counts.get(key);
      if (!entry || entry.resetAt <= nowMs) {
        if (counts.size >= maxKeys) sweep(nowMs);
        counts.set(key, { n: 1, resetAt: nowMs + options.windowMs });
        return 1;
      }
      entry.n += 1;
      return entry.n;
    },
    size(): number {
      return counts.size;
    },
  };
}

export type RateWindow = ReturnType<typeof createRateWindow>;
