/**
 * Keeps an outage from flooding the log: the first event of a kind is reported at once, the same
 * event again within `intervalMs` is only counted, and when the interval is over the count is
 * reported in one line (with the latest sample). A new interval starts with the next event.
 */
export function createRepeatLimiter<T>(options: { intervalMs: number; report: (sample: T, repeats: number) => void; now?: () => number; maxKinds?: number }) {
  const now = options.now ?? Date.now;
  const maxKinds = options.maxKinds ?? 1000;
  const windows = new Map<string, { startedAt: number; repeats: number; sample: T }>();
  let timer: NodeJS.Timeout | null = null;

  function close(key: string, w: { repeats: number; sample: T }): void {
    windows.delete(key);
    if (w.repeats > 0) options.report(w.sample, w.repeats);
  }

  function sweep(): void {
    const t = now();
    for (const [key, w] of windows) if (t - w.startedAt >= options.intervalMs) close(key, w);
    if (windows.size === 0 && timer) {
      clearInterval(timer);
      timer = null;
    }
  }

  return {
    /** One event of kind `key`: reported now if it is the first in its interval, else counted. */
    record(key: string, sample: T): void {
      const w = windows.get(key);
      if (w && now() - w.startedAt < options.intervalMs) {
        w.repeats++;
        w.sample = sample;
        return;
      }
      if (w) close(key, w);
      // Endless distinct kinds (a message with an id in it) must not grow the map without end.
      if (windows.size >= maxKinds) {
        const oldest = windows.entries().next();
        if (!oldest.done) close(oldest.value[0], oldest.value[1]);
      }
      windows.set(key, { startedAt: now(), repeats: 0, sample });
      options.report(sample, 0);
      if (!timer) {
        timer = setInterval(sweep, Math.min(options.intervalMs, 1000));
        timer.unref();
      }
    },
    /** Reports every pending count now (at shutdown). */
    flush(): void {
      for (const [key, w] of windows) close(key, w);
    },
  };
}
