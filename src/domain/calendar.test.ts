import { describe, expect, it } from 'vitest';
import { addDays, addMonths, campaignToday, dayOf, daysBetween, instantOf, isDay, wallClockOf, weekStart } from './calendar.js';

describe('calendar', () => {
  it('refuses days that are not on the calendar', () => {
    expect(isDay('2026-02-28')).toBe(true);
    expect(isDay('2024-02-29')).toBe(true);
    expect(isDay('2026-02-30')).toBe(false);
    expect(isDay('2026-13-01')).toBe(false);
    expect(isDay('0000-01-01')).toBe(false);
    expect(isDay('2026-2-3')).toBe(false);
    expect(isDay('20260203')).toBe(false);
    expect(isDay('')).toBe(false);
  });

  it('takes today in the campaign zone, not in UTC', () => {
    // 23:30 in Los Angeles on April 24 is already April 25 in UTC.
    const evening = new Date('2015-04-25T06:30:00Z');
    expect(campaignToday({ timeZone: 'America/Los_Angeles' }, () => evening)).toBe('2015-04-24');
    expect(dayOf(evening, 'UTC')).toBe('2015-04-25');
  });

  it('adds months clamped to the end of the month, and days across DST', () => {
    expect(addMonths('2016-02-29', 12)).toBe('2017-02-28');
    expect(addMonths('2015-08-31', 6)).toBe('2016-02-29');
    expect(addMonths('2015-01-31', -2)).toBe('2014-11-30');
    expect(addDays('2015-03-07', 2)).toBe('2015-03-09');
    expect(daysBetween('2015-03-07', '2015-03-09')).toBe(2);
    expect(daysBetween('2015-12-31', '2015-01-01')).toBe(-364);
    expect(weekStart('2015-06-20')).toBe('2015-06-15');
  });

  it('round-trips a wall-clock time in a zone', () => {
    const at = instantOf('2015-04-24', '10:00', 'America/Los_Angeles');
    expect(at.toISOString()).toBe('2015-04-24T17:00:00.000Z');
    expect(wallClockOf(at, 'America/Los_Angeles')).toEqual({ day: '2015-04-24', time: '10:00' });
  });
});
