// Rendered public pages, kept a few seconds per campaign, path and language. The home page is
// the most requested page of a campaign that is in the news; serving it from memory keeps a
// phone's first view fast and the database free for signatures. Writes to public content clear
// the campaign's entries at once; counters that move with signatures are at most `ttlMs` old.
export type CachedPage = { body: string; type: string; campaignId: string; expires: number };

export function createPublicPageCache(options: { ttlMs: number; maxEntries?: number; now?: () => number }) {
  const now = options.now ?? Date.now;
  const maxEntries = options.maxEntries ?? 1000;
  const entries = new Map<string, CachedPage>();
  return {
    get(key: string): CachedPage | undefined {
      const entry = entries.get(key);
      if (!entry) return undefined;
      if (entry.expires <= now()) {
        entries.delete(key);
        return undefined;
      }
      return entry;
    },
    set(key: string, page: Omit<CachedPage, 'expires'>): void {
      if (options.ttlMs <= 0) return;
      if (entries.size >= maxEntries) {
        const oldest = entries.keys().next();
        if (!oldest.done) entries.delete(oldest.value);
      }
      entries.set(key, { ...page, expires: now() + options.ttlMs });
    },
    invalidateCampaign(campaignId: string): void {
      for (const [key, entry] of entries) if (entry.campaignId === campaignId) entries.delete(key);
    },
    clear(): void {
      entries.clear();
    },
  };
}

export type PublicPageCache = ReturnType<typeof createPublicPageCache>;
