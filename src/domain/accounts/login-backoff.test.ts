import { describe, expect, it } from 'vitest';
import { FREE_ATTEMPTS, isLocked, lockUntilAfterFailure } from './login-backoff.js';

const now = new Date('2026-01-01T00:00:00Z');
const secondsLocked = (failuresSoFar: number): number => {
  const until = lockUntilAfterFailure(failuresSoFar, now);
  return until ? (until.getTime() - now.getTime()) / 1000 : 0;
};

describe('login backoff', () => {
  it('lets the first mistakes pass without a lock', () => {
    for (let i = 0; i < FREE_ATTEMPTS - 1; i++) expect(lockUntilAfterFailure(i, now)).toBeNull();
  });
  it('doubles the wait after each further failure', () => {
    expect(secondsLocked(FREE_ATTEMPTS - 1)).toBe(30);
    expect(secondsLocked(FREE_ATTEMPTS)).toBe(60);
    expect(secondsLocked(FREE_ATTEMPTS + 1)).toBe(120);
  });
  it('never locks for more than an hour', () => {
    expect(secondsLocked(100)).toBe(3600);
  });
  it('knows when a lock has passed', () => {
    expect(isLocked(new Date(now.getTime() + 1), now)).toBe(true);
    expect(isLocked(new Date(now.getTime() - 1), now)).toBe(false);
    expect(isLocked(null, now)).toBe(false);
  });
});
