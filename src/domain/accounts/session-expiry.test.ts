import { describe, expect, it } from 'vitest';
import { absoluteExpiry, isSessionExpired, shouldTouch } from './session-expiry.js';

const limits = { idleMinutes: 120, absoluteHours: 12 };
const start = new Date('2026-03-02T08:00:00Z');
const at = (minutes: number) => new Date(start.getTime() + minutes * 60_000);
const session = (lastSeenMinutes: number) => ({ createdAt: start, lastSeenAt: at(lastSeenMinutes), expiresAt: absoluteExpiry(start, limits) });

describe('session expiry', () => {
  it('keeps an active session alive', () => {
    expect(isSessionExpired(session(100), at(110), limits)).toBe(false);
  });
  it('expires after the idle limit', () => {
    expect(isSessionExpired(session(0), at(119), limits)).toBe(false);
    expect(isSessionExpired(session(0), at(120), limits)).toBe(true);
  });
  it('expires at the absolute limit however active', () => {
    expect(isSessionExpired(session(12 * 60 - 1), at(12 * 60), limits)).toBe(true);
  });
  it('touches at most once a minute', () => {
    expect(shouldTouch(start, at(0.5))).toBe(false);
    expect(shouldTouch(start, at(2))).toBe(true);
  });
});
