import { describe, expect, it } from 'vitest';
import { createStoryCalendar, shiftInstant, shiftIsoDate, shiftYearsInText, storyYearFor, zonedInstant } from './story-calendar.js';

describe('the demo story calendar', () => {
  it('tells the story in the year of the latest June 20 not after the load date', () => {
    expect(storyYearFor('2026-11-22')).toBe(2026);
    expect(storyYearFor('2027-03-01')).toBe(2026);
    expect(storyYearFor('2015-06-25')).toBe(2015);
    expect(storyYearFor('2015-06-20')).toBe(2015);
    expect(storyYearFor('2015-06-19')).toBe(2014);
    expect(storyYearFor('2027-01-01')).toBe(2026);
  });

  it('moves by whole years from 2015, on the campaign’s own calendar', () => {
    expect(createStoryCalendar(new Date('2026-11-22T12:00:00Z'))).toMatchObject({ today: '2026-11-22', year: 2026, offsetYears: 11 });
    expect(createStoryCalendar(new Date('2015-06-25T12:00:00Z'))).toMatchObject({ year: 2015, offsetYears: 0 });
    // 2026-06-20 at 03:00 UTC is still June 19 in Los Angeles: the story ends a year earlier.
    expect(createStoryCalendar(new Date('2026-06-20T03:00:00Z'))).toMatchObject({ today: '2026-06-19', year: 2025, offsetYears: 10 });
    expect(createStoryCalendar(new Date('2026-06-20T03:00:00Z'), 'UTC')).toMatchObject({ today: '2026-06-20', year: 2026 });
  });

  it('keeps month and day of dates, and clamps February 29 to 28 in a common year', () => {
    const calendar = createStoryCalendar(new Date('2026-11-22T12:00:00Z'));
    expect(calendar.date('2015-04-24')).toBe('2026-04-24');
    expect(calendar.date('2014-08-10')).toBe('2025-08-10');
    expect(shiftIsoDate('2016-02-29', 1)).toBe('2017-02-28');
    expect(shiftIsoDate('2016-02-29', 4)).toBe('2020-02-29');
    expect(shiftIsoDate('2015-02-28', 1)).toBe('2016-02-28');
    expect(shiftIsoDate('2015-06-15', -1)).toBe('2014-06-15');
  });

  it('keeps the UTC month, day and time of instants', () => {
    const calendar = createStoryCalendar(new Date('2026-11-22T12:00:00Z'));
    expect(calendar.instant('2015-04-24T16:00:00Z').toISOString()).toBe('2026-04-24T16:00:00.000Z');
    expect(calendar.instant(new Date('2015-03-02T19:05:07-07:00')).toISOString()).toBe('2026-03-03T02:05:07.000Z');
    expect(calendar.instant(Date.parse('2015-06-19T23:00:00.250Z')).toISOString()).toBe('2026-06-19T23:00:00.250Z');
    expect(shiftInstant('2016-02-29T10:30:00Z', 1).toISOString()).toBe('2017-02-28T10:30:00.000Z');
    expect(shiftInstant('2016-02-29T10:30:00Z', -4).toISOString()).toBe('2012-02-29T10:30:00.000Z');
    expect(() => shiftInstant('not a date', 1)).toThrow();
  });

  it('moves the years written in prose, file names, slugs and URLs, and nothing else', () => {
    const move = (s: string) => shiftYearsInText(s, 11);
    expect(move('**For immediate release — April 24, 2015**')).toBe('**For immediate release — April 24, 2026**');
    expect(move('Celebrating 2014–2015 and Getting Ready for 2015–2016')).toBe('Celebrating 2025–2026 and Getting Ready for 2026–2027');
    expect(move('celebrating-2014-2015-and-getting-ready-for-2015-2016')).toBe('celebrating-2025-2026-and-getting-ready-for-2026-2027');
    expect(move('the school year 2014-15 and 2014–15')).toBe('the school year 2025-26 and 2025–26');
    expect(move('Pellworth memo to principals 2015-03-12.pdf')).toBe('Pellworth memo to principals 2026-03-12.pdf');
    expect(move('press-conference-quarry-hill-2015-04-24')).toBe('press-conference-quarry-hill-2026-04-24');
    expect(move('https://harborledger.example/2015/04/24/charter-teachers-memo')).toBe('https://harborledger.example/2026/04/24/charter-teachers-memo');
    expect(move('Date: Wed, 6 May 2015 16:05:12 -0700')).toBe('Date: Wed, 6 May 2026 16:05:12 -0700');
    expect(move('in 2015-04 and 2015-06')).toBe('in 2026-04 and 2026-06');
    // A year moved once is not moved again, even when the result is near the story too.
    expect(shiftYearsInText('2014 and 2015-2016', 1)).toBe('2015 and 2016-2017');
    // Other numbers stay: counts, codes, phone numbers, far-away years.
    expect(move('More than 2,000 signatures; 2140 confirmed; LA-CE-6140-E; in 1965 and 2099; 20150424')).toBe(
      'More than 2,000 signatures; 2140 confirmed; LA-CE-6140-E; in 1965 and 2099; 20150424',
    );
    expect(shiftYearsInText('April 24, 2015', 0)).toBe('April 24, 2015');
  });

  it('gives instants after the load date at a local time, across daylight saving changes', () => {
    expect(zonedInstant('2026-12-02', '18:30', 'America/Los_Angeles').toISOString()).toBe('2026-12-03T02:30:00.000Z');
    expect(zonedInstant('2026-07-01', '18:30', 'America/Los_Angeles').toISOString()).toBe('2026-07-02T01:30:00.000Z');
    expect(zonedInstant('2026-03-08', '10:00', 'America/Los_Angeles').toISOString()).toBe('2026-03-08T17:00:00.000Z');
    expect(zonedInstant('2026-11-01', '10:00', 'America/Los_Angeles').toISOString()).toBe('2026-11-01T18:00:00.000Z');
    const calendar = createStoryCalendar(new Date('2026-11-22T20:00:00Z'));
    expect(calendar.daysFromToday(10, '18:30').toISOString()).toBe('2026-12-03T02:30:00.000Z');
  });
});
