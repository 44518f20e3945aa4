// The OSDI petition collection's answers, kept in memory per query (issue 16: a sync or a widget
// polling it must not cost a count of every petition's signatures per request).
//
// - Dropped whole by `clear`, which runs synchronously in the process that takes a write (after its
//   commit, before its answer), and on the public pages' notification in every other process: so
//   no answer started after a write was acknowledged is built from before it, here; elsewhere,
//   once the notification arrives (decision 0038).
// - A build started before a clear is not stored after it (the generation), and concurrent misses
//   for one query share one build.
// - Entries also expire after `ttlMs`, a safety net for a write path that forgot to clear.
type Entry = { bytes: Buffer; expires: number };

export function createOsdiCollectionCache(options: { ttlMs: number; maxEntries?: number; now?: () => number }) {
  const now = options.now ?? Date.now;
  const maxEntries = options.maxEntries ?? 200;
  const entries = new Map<string, Entry>();
  const inflight = new Map<string, Promise<Buffer>>();
  let generation = 0;

  return {
    async get(key: string, build: () => Promise<string>): Promise<Buffer> {
      const entry = entries.get(key);
      if (entry && entry.expires > now()) return entry.bytes;
      const running = inflight.get(key);
      if (running) return running;
      const startedAt = generation;
      const promise = build()
        .then((body) => {
          const bytes = Buffer.from(body);
          if (startedAt === generation && options.ttlMs > 0) {
            if (entries.size >= maxEntries && !entries.has(key)) entries.clear();
            entries.set(key, { bytes, expires: now() + options.ttlMs });
          }
          return bytes;
        })
        .finally(() => {
          if (inflight.get(key) === promise) inflight.delete(key);
        });
      inflight.set(key, promise);
      return promise;
    },
    clear(): void {
      generation++;
      entries.clear();
      // A build in flight was started before the write: later callers must not join it.
      inflight.clear();
    },
  };
}

export type OsdiCollectionCache = ReturnType<typeof createOsdiCollectionCache>;
