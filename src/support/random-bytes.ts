import { randomFillSync } from 'node:crypto';

// Random bytes served from a pooled buffer refilled 8 KiB at a time, as Node does for randomUUID():
// one call into the CSPRNG per few hundred ids instead of one per id, on hot paths (signatures).
const POOL_SIZE = 8192;
const pool = Buffer.alloc(POOL_SIZE);
let offset = POOL_SIZE;

/** `n` fresh random bytes (a copy: the caller may keep it). */
export function pooledRandomBytes(n: number): Buffer {
  if (n > POOL_SIZE) return randomFillSync(Buffer.alloc(n));
  if (offset + n > POOL_SIZE) {
    randomFillSync(pool);
    offset = 0;
  }
  const out = Buffer.from(pool.subarray(offset, offset + n));
  offset += n;
  return out;
}
