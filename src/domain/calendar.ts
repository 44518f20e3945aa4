import { Temporal } from 'temporal-polyfill';

// The one calendar (decision 0016). The law in this domain counts calendar days in a place: a card
// is valid for twelve months from the day it was signed, a charge must be filed within six months of
// the conduct, proof is measured against the roster on the filing date. So "today" is always the
// day in the campaign's time zone, taken from the injectable clock, and days are plain
// `YYYY-MM-DD` strings (comparing them as strings is exact). Nothing else in the code does date
// arithmetic.

/** A calendar day, `YYYY-MM-DD`. */
export type Day = string;

/** The clock every service takes its time from; tests move it. */
export type Clock = () => Date;

const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** A real day on the calendar: `2026-02-30` and `2026-13-01` are not. */
export function isDay(value: string): boolean {
  // Year 0000 exists in ISO 8601 but not in PostgreSQL's calendar (1 BC is followed by AD 1).
  if (!DAY_PATTERN.test(value) || value.startsWith('0000')) return false;
  try {
    Temporal.PlainDate.from(value, { overflow: 'reject' });
    return true;
  } catch {
    return false;
  }
}

/** Parses a day or throws: for values that were validated at the edge. */
export function parseDay(value: string): Temporal.PlainDate {
  if (!DAY_PATTERN.test(value)) throw new RangeError(`not a day: ${value}`);
  return Temporal.PlainDate.from(value, { overflow: 'reject' });
}

/** The calendar day an instant falls on in a time zone (the day a card was signed, locally). */
export function dayOf(instant: Date, timeZone: string): Day {
  return Temporal.Instant.fromEpochMilliseconds(instant.getTime()).toZonedDateTimeISO(timeZone).toPlainDate().toString();
}

/** Today in a time zone, from the clock. */
export function todayIn(timeZone: string, clock: Clock): Day {
  return dayOf(clock(), timeZone);
}

/** The campaign's today: every rule about days starts here. */
export function campaignToday(campaign: { timeZone: string }, clock: Clock): Day {
  return todayIn(campaign.timeZone, clock);
}

/**
 * `day` plus `months` calendar months, clamped to the end of the target month (2016-02-29 + 12
 * months = 2017-02-28, Aug 31 + 6 months = Feb 28): how "one year from signing" and "six months
 * from the conduct" are read, never late.
 */
export function addMonths(day: Day, months: number): Day {
  return parseDay(day).add({ months }, { overflow: 'constrain' }).toString();
}

export function addDays(day: Day, days: number): Day {
  return parseDay(day).add({ days }).toString();
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: Day, to: Day): number {
  return parseDay(from).until(parseDay(to), { largestUnit: 'days' }).days;
}

/** The Monday that starts the ISO week of `day` (weekly growth charts). */
export function weekStart(day: Day): Day {
  const date = parseDay(day);
  return date.subtract({ days: date.dayOfWeek - 1 }).toString();
}

/** The instant a wall-clock time in a zone names (an event typed as 10:00 in Los Angeles). */
export function instantOf(day: Day, time: string, timeZone: string): Date {
  const zoned = Temporal.PlainDateTime.from(`${day}T${time}`).toZonedDateTime(timeZone, { disambiguation: 'compatible' });
  return new Date(zoned.epochMilliseconds);
}

/** The wall-clock day and time (`HH:MM`) of an instant in a zone. */
export function wallClockOf(instant: Date, timeZone: string): { day: Day; time: string } {
  const zoned = Temporal.Instant.fromEpochMilliseconds(instant.getTime()).toZonedDateTimeISO(timeZone);
  return { day: zoned.toPlainDate().toString(), time: zoned.toPlainTime().toString({ smallestUnit: 'minute' }) };
}

/** The first instant of a day in a zone (for "signed on or before this day" bounds). */
export function startOfDay(day: Day, timeZone: string): Date {
  return new Date(parseDay(day).toZonedDateTime({ timeZone }).epochMilliseconds);
}

/** Whether a string names a time zone the calendar knows (IANA, e.g. America/Los_Angeles). */
export function isTimeZone(value: string): boolean {
  try {
    Temporal.Now.zonedDateTimeISO(value);
    return true;
  } catch {
    return false;
  }
}
