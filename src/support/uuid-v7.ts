import { pooledRandomBytes } from './random-bytes.js';

/**
 * A time-ordered UUID (RFC 9562 version 7): 48 bits of Unix milliseconds, then random bits. Rows
 * inserted in bulk land at the right edge of their primary-key index instead of on random pages,
 * which keeps the write-ahead log (and the group commit) small.
 */
export function uuidV7(nowMs: number = Date.now()): string {
  const b = pooledRandomBytes(16);
  b.writeUIntBE(nowMs, 0, 6);
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x70;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
