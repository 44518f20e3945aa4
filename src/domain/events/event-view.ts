import type { EventRow } from '../../db/repositories/events-repository.js';
import { eventTimesOf, type EventTimes } from './event-times.js';

/** An event as organizers see it: its times on the campaign's wall clock, and its attendance. */
export type EventView = { row: EventRow; times: EventTimes; timeZone: string; counts?: { rsvps: number; checkedIn: number } };

export function viewOfEvent(row: EventRow, timeZone: string, counts?: { rsvps: number; checkedIn: number }): EventView {
  return { row, times: eventTimesOf(row, timeZone), timeZone, ...(counts ? { counts } : {}) };
}
