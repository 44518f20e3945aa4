import { describe, expect, it } from 'vitest';
import { formatLocalTime, formatUtcMinute } from './format-time.js';

describe('formatLocalTime', () => {
  it('shows the instant in the campaign’s zone, with the zone', () => {
    expect(formatLocalTime(new Date('2015-03-19T02:41:00Z'), 'America/Los_Angeles')).toBe('2015-03-18 19:41 PDT');
    expect(formatLocalTime(new Date('2015-01-19T02:41:00Z'), 'America/Los_Angeles')).toBe('2015-01-18 18:41 PST');
    expect(formatLocalTime(null, 'UTC')).toBe('—');
  });
});

describe('formatUtcMinute', () => {
  it('shows the instant to the minute, in UTC, with the zone', () => {
    expect(formatUtcMinute(new Date('2015-06-16T17:00:59Z'))).toBe('2015-06-16 17:00 UTC');
    expect(formatUtcMinute(null)).toBe('—');
  });
});
