import { describe, expect, it } from 'vitest';
import { createPublicPageCache, type RenderedPage } from './public-page-cache.js';

const page = (body: string, cacheable = true): RenderedPage => ({ body, type: 'text/html', status: 200, campaignId: 'c1', cacheable });

describe('public page cache', () => {
  it('renders once for concurrent misses, then serves from memory until invalidated', async () => {
    let clock = 0;
    const cache = createPublicPageCache({ ttlMs: 5000, now: () => clock });
    let renders = 0;
    const produce = async () => {
      renders++;
      await new Promise((resolve) => setTimeout(resolve, 5));
      return page(`v${renders}`);
    };
    const results = await Promise.all(Array.from({ length: 20 }, () => cache.get('/|en', produce)));
    expect(renders).toBe(1);
    expect(new Set(results.map((r) => r.body))).toEqual(new Set(['v1']));
    expect(cache.peekFresh('/|en')?.body).toBe('v1');
    cache.invalidateCampaign('c1');
    expect(cache.peekFresh('/|en')).toBeUndefined();
    expect((await cache.get('/|en', produce)).body).toBe('v2');
    clock += 10_000; // stale: served once more while it refreshes
    expect((await cache.get('/|en', produce)).body).toBe('v2');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(cache.peekFresh('/|en')?.body).toBe('v3');
    clock += 60_000; // far too old: rendered before answering
    expect((await cache.get('/|en', produce)).body).toBe('v4');
  });

  it('does not keep pages that are not cacheable, nor a render that a write overtook', async () => {
    const cache = createPublicPageCache({ ttlMs: 5000 });
    await cache.get('/x|en', async () => page('404', false));
    expect(cache.peekFresh('/x|en')).toBeUndefined();
    const slow = cache.get('/|en', async () => {
      await new Promise((resolve) => setTimeout(resolve, 10));
      return page('before the write');
    });
    cache.invalidateCampaign('c1');
    expect((await slow).body).toBe('before the write');
    expect(cache.peekFresh('/|en')).toBeUndefined();
  });
});
