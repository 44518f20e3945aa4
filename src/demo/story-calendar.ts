import { addDays, addMonths, dayOf, instantOf } from '../domain/calendar.js';

/**
 * The year the seed newsletters are dated in. Every date written in `src/demo` is a date of this
 * year (or the school year around it) and goes through a `StoryCalendar` before it is stored.
 */
export const STORY_YEAR = 2015;

// The story ends mid-June (the last newsletter, the petition's last signatures): on a load date
// from June 20 on it can be told in the current year, before that in the previous one.
const STORY_END_MONTH_DAY = '06-20';

/**
 * Moves the demo story to the latest year in which it is over by the day it is loaded, by a whole
 * number of years: month, day and time of day stay as in the seeds (the April newsletter is still
 * dated April 24), and the cards, valid 12 months, still count on the day the demo is loaded.
 */
export type StoryCalendar = {
  /** The instant the demo is loaded. */
  now: Date;
  /** The day it is loaded, in the campaign's time zone (YYYY-MM-DD). */
  today: string;
  /** The year the story ends in (the seeds' 2015, moved). */
  year: number;
  /** Whole years added to every date of the story. */
  offsetYears: number;
  /** A story date, `'2015-04-24'` → `'2026-04-24'`. */
  date: (iso: string) => string;
  /** A story instant (Date, ISO timestamp or epoch milliseconds), same UTC month, day and time. */
  instant: (value: Date | string | number) => Date;
  /** Prose, file names, slugs and URLs: the years (and ISO dates) in them. */
  text: (prose: string) => string;
  /** Not the story: an instant `days` days after the load date at a local time ("18:30"). */
  daysFromToday: (days: number, time: string) => Date;
};

const isLeapYear = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/** The year of the latest June 20 that is not after `today` (YYYY-MM-DD). */
export function storyYearFor(today: string): number {
  const year = Number(today.slice(0, 4));
  return today.slice(5) >= STORY_END_MONTH_DAY ? year : year - 1;
}

/** Adds whole years to a YYYY-MM-DD date; February 29 becomes February 28 in a common year. */
export function shiftIsoDate(iso: string, years: number): string {
  return addMonths(iso, 12 * years);
}

/** Adds whole years to an instant, keeping its UTC month, day and time (Feb 29 → Feb 28). */
export function shiftInstant(value: Date | string | number, years: number): Date {
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) throw new Error(`not an instant: ${String(value)}`);
  const year = d.getUTCFullYear() + years;
  const month = d.getUTCMonth();
  const day = month === 1 && d.getUTCDate() === 29 && !isLeapYear(year) ? 28 : d.getUTCDate();
  const shifted = new Date(0);
  shifted.setUTCFullYear(year, month, day);
  shifted.setUTCHours(d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), d.getUTCMilliseconds());
  return shifted;
}

// One pass, so that a year already moved is never moved again: an ISO date, a school year written
// short ("2014-15", "2014–15"), or a year on its own. Only years near the story's are touched, so
// that other four-digit numbers in the demo's prose stay as they are.
const YEARS_IN_TEXT = /\b(\d{4})-(\d{2})-(\d{2})\b|\b(\d{4})([-–])(\d{2})\b|\b(\d{4})\b/g;
const nearStory = (year: number): boolean => Math.abs(year - STORY_YEAR) <= 10;

/** Moves the years (and YYYY-MM-DD dates) written in a piece of story prose by `years`. */
export function shiftYearsInText(prose: string, years: number): string {
  if (years === 0) return prose;
  return prose.replace(YEARS_IN_TEXT, (whole: string, ...groups: (string | undefined)[]) => {
    const [isoYear, isoMonth, isoDay, rangeYear, dash, rangeEnd, bareYear] = groups;
    if (isoYear !== undefined && isoMonth !== undefined && isoDay !== undefined) {
      return nearStory(Number(isoYear)) ? shiftIsoDate(`${isoYear}-${isoMonth}-${isoDay}`, years) : whole;
    }
    if (rangeYear !== undefined && dash !== undefined && rangeEnd !== undefined) {
      const from = Number(rangeYear);
      if (!nearStory(from)) return whole;
      // "2014-15" is a school year; "2015-04" (a month) just moves its year.
      const end = (from + 1) % 100 === Number(rangeEnd) ? String((from + years + 1) % 100).padStart(2, '0') : rangeEnd;
      return `${from + years}${dash}${end}`;
    }
    const year = Number(bareYear);
    return nearStory(year) ? String(year + years) : whole;
  });
}

/** The instant a wall clock in `timeZone` shows `time` (HH:MM) on `date`. */
export function zonedInstant(date: string, time: string, timeZone: string): Date {
  return instantOf(date, time, timeZone);
}

/**
 * The calendar of a demo loaded at `now`. The day is taken in `timeZone` (the demo campaign's, Los
 * Angeles), so the story is over on the campaign's own calendar.
 */
export function createStoryCalendar(now: Date, timeZone = 'America/Los_Angeles'): StoryCalendar {
  const today = dayOf(now, timeZone);
  const year = storyYearFor(today);
  const offsetYears = year - STORY_YEAR;
  return {
    now,
    today,
    year,
    offsetYears,
    date: (iso) => shiftIsoDate(iso, offsetYears),
    instant: (value) => shiftInstant(value, offsetYears),
    text: (prose) => shiftYearsInText(prose, offsetYears),
    daysFromToday: (days, time) => zonedInstant(addDays(today, days), time, timeZone),
  };
}
