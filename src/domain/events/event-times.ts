import { AppError } from '../../errors.js';
import { instantOf, wallClockOf, type Day } from '../calendar.js';

/** An event's start and end as the campaign's wall clock shows them (decision 0016). */
export type EventTimes = { startDay: Day; startTime: string; endDay: Day; endTime: string };

/** The instants of wall-clock times in the campaign's zone; an event ends after it starts. */
export function eventInstants(times: EventTimes, timeZone: string): { startsAt: Date; endsAt: Date } {
  const startsAt = instantOf(times.startDay, times.startTime, timeZone);
  const endsAt = instantOf(times.endDay, times.endTime, timeZone);
  // The database stores instants of years 1 to 9999 in UTC: a wall-clock 9999-12-31 23:00 in Los
  // Angeles is already the year 10000 there.
  for (const [field, at] of [['startDay', startsAt], ['endDay', endsAt]] as const) {
    if (at.getUTCFullYear() < 1 || at.getUTCFullYear() > 9999) throw new AppError('validation_failed', 'An event happens between the years 1 and 9999.', [{ field, reason: 'is out of range' }]);
  }
  if (endsAt.getTime() <= startsAt.getTime()) throw new AppError('validation_failed', 'An event ends after it starts.', [{ field: 'endTime', reason: 'must be after the start' }]);
  return { startsAt, endsAt };
}

/** The wall-clock times of stored instants in the campaign's zone. */
export function eventTimesOf(event: { startsAt: Date; endsAt: Date }, timeZone: string): EventTimes {
  const start = wallClockOf(event.startsAt, timeZone);
  const end = wallClockOf(event.endsAt, timeZone);
  return { startDay: start.day, startTime: start.time, endDay: end.day, endTime: end.time };
}
