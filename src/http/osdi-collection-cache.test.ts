import { describe, expect, it } from 'vitest';
import { createOsdiCollectionCache } from './osdi-collection-cache.js';

describe('the OSDI collection cache', () => {
  it('serves a built answer again until cleared, then builds afresh', async () => {
    let builds = 0;
    const cache = createOsdiCollectionCache({ ttlMs: 60_000 });
    const build = async () => `answer ${++builds}`;
    expect((await cache.get('q', build)).toString()).toBe('answer 1');
    expect((await cache.get('q', build)).toString()).toBe('answer 1');
    cache.clear();
    expect((await cache.get('q', build)).toString()).toBe('answer 2');
  });

  it('never stores a build that started before a clear, and shares one build between concurrent misses', async () => {
    let release: (value: string) => void = () => undefined;
    const cache = createOsdiCollectionCache({ ttlMs: 60_000 });
    let builds = 0;
    const slow = () => {
      builds++;
      return new Promise<string>((resolve) => (release = resolve));
    };
    const first = cache.get('q', slow);
    const second = cache.get('q', slow);
    expect(builds).toBe(1);
    cache.clear();
    release('before the write');
    expect((await first).toString()).toBe('before the write');
    expect((await second).toString()).toBe('before the write');
    expect((await cache.get('q', async () => 'after the write')).toString()).toBe('after the write');
  });

  it('expires entries after the time limit', async () => {
    let clock = 0;
    const cache = createOsdiCollectionCache({ ttlMs: 1000, now: () => clock });
    expect((await cache.get('q', async () => 'one')).toString()).toBe('one');
    clock = 999;
    expect((await cache.get('q', async () => 'two')).toString()).toBe('one');
    clock = 1000;
    expect((await cache.get('q', async () => 'three')).toString()).toBe('three');
  });
});
