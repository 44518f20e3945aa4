// Rendered public pages, kept a few seconds per campaign, path and language. The home page is
// the most requested page of a campaign that is in the news; serving it from memory keeps a
// phone's first view fast and the database free for signatures.
//
// - Writes to public content call `invalidateCampaign`: the next request renders afresh.
// - When an entry is older than `ttlMs`, it is still served while one render refreshes it in the
//   background (counters that move with signatures are at most a few seconds old).
// - Concurrent misses for one key share a single render: a burst of 50 requests on a cold cache
//   costs one set of queries, not fifty.
export type CachedPage = { body: string; type: string; status: number; campaignId: string };
/** What a render produces; only `cacheable` pages are kept (not a 404, say). */
export type RenderedPage = CachedPage & { cacheable: boolean };
// `bytes`: the body encoded once, so a hit writes a ready buffer (no UTF-8 encoding per request).
type Entry = CachedPage & { bytes: Buffer; fresh: number; generation: number };

export function createPublicPageCache(options: { ttlMs: number; maxEntries?: number; now?: () => number }) {
  const now = options.now ?? Date.now;
  const maxEntries = options.maxEntries ?? 1000;
  const entries = new Map<string, Entry>();
  const inflight = new Map<string, Promise<CachedPage>>();
  // A stale page is served (while it refreshes) for at most this long past its freshness.
  const staleLimitMs = options.ttlMs * 3;
  // Bumped by invalidation, so that a render started before a write is not stored after it.
  let generation = 0;

  function store(key: string, page: CachedPage, startedAt: number): void {
    if (options.ttlMs <= 0 || startedAt !== generation) return;
    if (entries.size >= maxEntries && !entries.has(key)) {
      const oldest = entries.keys().next();
      if (!oldest.done) entries.delete(oldest.value);
    }
    entries.set(key, { ...page, bytes: Buffer.from(page.body), fresh: now() + options.ttlMs, generation: startedAt });
  }

  function render(key: string, produce: () => Promise<RenderedPage>): Promise<CachedPage> {
    const running = inflight.get(key);
    if (running) return running;
    const startedAt = generation;
    const promise = produce()
      .then(({ cacheable, ...page }) => {
        if (cacheable) store(key, page, startedAt);
        return page;
      })
      .finally(() => inflight.delete(key));
    inflight.set(key, promise);
    return promise;
  }

  return {
    /** A fresh cached page, if any (the fast path: no render, no refresh). */
    peekFresh(key: string): (CachedPage & { bytes: Buffer }) | undefined {
      const entry = entries.get(key);
      return entry && entry.fresh > now() ? entry : undefined;
    },
    /** The cached page, or the result of `produce` (one render shared by concurrent callers). */
    async get(key: string, produce: () => Promise<RenderedPage>): Promise<CachedPage> {
      const entry = entries.get(key);
      if (entry) {
        const t = now();
        if (entry.fresh > t) return entry;
        if (entry.fresh + staleLimitMs > t) {
          if (!inflight.has(key)) void render(key, produce).catch(() => undefined);
          return entry;
        }
        entries.delete(key);
      }
      return render(key, produce);
    },
    invalidateCampaign(campaignId: string): void {
      generation++;
      for (const [key, entry] of entries) if (entry.campaignId === campaignId) entries.delete(key);
    },
    clear(): void {
      generation++;
      entries.clear();
    },
  };
}

export type PublicPageCache = ReturnType<typeof createPublicPageCache>;
