import { describe, expect, it } from 'vitest';
import { addMonths, daysBetween } from '../calendar.js';
import { computeChargeDeadline, deadlineMonthsFor } from './charge-deadline.js';

describe('addMonths', () => {
  it.each([
    ['2015-03-15', 6, '2015-09-15'],
    ['2015-08-31', 6, '2016-02-29'], // leap year: the last day of February
    ['2014-08-31', 6, '2015-02-28'],
    ['2015-03-31', 6, '2015-09-30'], // September has 30 days
    ['2015-07-31', 6, '2016-01-31'], // across the year end, no clamping needed
    ['2015-12-31', 2, '2016-02-29'],
    ['2016-02-29', 12, '2017-02-28'],
    ['2015-06-30', 6, '2015-12-30'],
    ['2015-01-01', 0, '2015-01-01'],
    ['2015-01-31', -1, '2014-12-31'],
  ])('%s + %i months = %s', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });

  it('refuses what is not a date', () => {
    expect(() => addMonths('31/08/2015', 6)).toThrow();
  });
});

describe('daysBetween', () => {
  it('counts calendar days across month, year and DST boundaries', () => {
    expect(daysBetween('2015-02-28', '2015-03-01')).toBe(1);
    expect(daysBetween('2016-02-28', '2016-03-01')).toBe(2);
    expect(daysBetween('2015-03-07', '2015-03-09')).toBe(2); // US DST starts 2015-03-08
    expect(daysBetween('2015-12-31', '2015-01-01')).toBe(-364);
  });
});

describe('computeChargeDeadline', () => {
  const base = { occurredOn: '2015-04-10', months: 6, status: 'documented' };

  it('is ok more than 30 days out', () => {
    expect(computeChargeDeadline({ ...base, today: '2015-05-01' })).toEqual({ deadline: '2015-10-10', daysLeft: 162, level: 'ok' });
  });

  it('warns from 30 days before the deadline through the deadline day itself', () => {
    expect(computeChargeDeadline({ ...base, today: '2015-09-09' }).level).toBe('ok');
    expect(computeChargeDeadline({ ...base, today: '2015-09-10' })).toMatchObject({ daysLeft: 30, level: 'warning' });
    expect(computeChargeDeadline({ ...base, today: '2015-10-10' })).toMatchObject({ daysLeft: 0, level: 'warning' });
  });

  it('is expired the day after', () => {
    expect(computeChargeDeadline({ ...base, today: '2015-10-11' })).toMatchObject({ daysLeft: -1, level: 'expired' });
  });

  it('stops warning once a charge is filed, settled or decided', () => {
    for (const status of ['charge_filed', 'settled', 'decided']) {
      expect(computeChargeDeadline({ ...base, status, today: '2016-01-01' }).level).toBe('filed');
    }
    expect(computeChargeDeadline({ ...base, status: 'shared_with_counsel', today: '2016-01-01' }).level).toBe('expired');
  });

  it('clamps the month end (Aug 31 + 6 months)', () => {
    expect(computeChargeDeadline({ occurredOn: '2014-08-31', months: 6, status: 'documented', today: '2015-02-28' })).toEqual({ deadline: '2015-02-28', daysLeft: 0, level: 'warning' });
  });
});

describe('deadlineMonthsFor', () => {
  it('takes the shortest limit, six months when no provision is cited', () => {
    expect(deadlineMonthsFor([])).toBe(6);
    expect(deadlineMonthsFor([6, 4, 12])).toBe(4);
  });
});
