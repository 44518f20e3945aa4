import type pg from 'pg';

/** One hit to count: the window's key (its name says which window) and its length. */
export type RateHit = { key: string; windowMs: number };

export type RateCounter = {
  /**
   * Counts one hit on each key, in PostgreSQL so that every app process counts into the same
   * windows, and returns each window's count with these hits included (in the order given).
   */
  hit: (hits: RateHit[], now: Date) => Promise<number[]>;
  /** Deletes windows that ended more than an hour ago (any process may; all do now and then). */
  sweep: (now: Date) => Promise<void>;
};

// The same upsert as rate-limiter-flexible's PostgreSQL store (the route limits use that library on
// this table), for many keys at once: a window that has ended starts again.
const UPSERT = `
insert into rate_limits as r (key, points, expire)
select t.key, t.hits, $4::bigint + t.window_ms
  from unnest($1::text[], $2::int[], $3::bigint[]) as t(key, hits, window_ms)
on conflict (key) do update set
  points = case when r.expire <= $4::bigint then excluded.points else r.points + excluded.points end,
  expire = case when r.expire <= $4::bigint then excluded.expire else r.expire end
returning r.key, r.points`;

type Pending = { hits: RateHit[]; at: number; resolve: (counts: number[]) => void; reject: (err: unknown) => void };

/**
 * Rate windows for the petition's hot path, counted by group commit like the signatures themselves
 * (decision 0011): hits that arrive while a statement runs are counted together in the next one,
 * one row per key whatever the number of hits. Each caller gets the count its own hit made, as if
 * the hits had come one by one, so a limit holds exactly across processes. The table is unlogged
 * (migration 0013): a counter's commit never waits for the disk.
 */
export function createRateCounter(pool: pg.Pool, options: { maxInFlight?: number } = {}): RateCounter {
  const maxInFlight = options.maxInFlight ?? 2;
  let queue: Pending[] = [];
  let inFlight = 0;
  let scheduled = false;

  async function count(batch: Pending[]): Promise<void> {
    // Hits per key in arrival order; one clock per statement (the latest caller's), so that a
    // window's end is judged once for the whole batch.
    const perKey = new Map<string, { windowMs: number; hits: number }>();
    for (const p of batch) {
      for (const h of p.hits) {
        const entry = perKey.get(h.key);
        if (entry) entry.hits++;
        else perKey.set(h.key, { windowMs: h.windowMs, hits: 1 });
      }
    }
    const keys = [...perKey.keys()];
    const at = Math.max(...batch.map((p) => p.at));
    try {
      const result = await pool.query<{ key: string; points: number }>({
        name: 'rate_limits_hit_v1',
        text: UPSERT,
        values: [keys, keys.map((k) => perKey.get(k)?.hits ?? 0), keys.map((k) => perKey.get(k)?.windowMs ?? 0), at],
      });
      // The window now holds `points`; this batch's hits are its last ones, numbered in order.
      const next = new Map(result.rows.map((r) => [r.key, r.points - (perKey.get(r.key)?.hits ?? 0) + 1]));
      for (const p of batch) {
        p.resolve(
          p.hits.map((h) => {
            const n = next.get(h.key) ?? 1;
            next.set(h.key, n + 1);
            return n;
          }),
        );
      }
    } catch (err) {
      for (const p of batch) p.reject(err);
    }
  }

  function flush(): void {
    scheduled = false;
    while (inFlight < maxInFlight && queue.length > 0) {
      const batch = queue;
      queue = [];
      inFlight++;
      void count(batch).finally(() => {
        inFlight--;
        flush();
      });
    }
  }

  return {
    hit(hits, now) {
      return new Promise<number[]>((resolve, reject) => {
        queue.push({ hits, at: now.getTime(), resolve, reject });
        if (inFlight < maxInFlight && !scheduled) {
          scheduled = true;
          setImmediate(flush);
        }
      });
    },
    async sweep(now) {
      await pool.query('delete from rate_limits where expire < $1', [now.getTime() - 3_600_000]);
    },
  };
}
