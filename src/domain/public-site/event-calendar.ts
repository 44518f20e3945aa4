import { createEvent } from 'ics';

export type CalendarEvent = { id: string; title: string; description: string; location: string; startsAt: Date; endsAt: Date; url: string };

/** An iCalendar file for one event, in UTC so every calendar shows the right local time. */
export function buildEventCalendar(event: CalendarEvent, host: string): string {
  const { error, value } = createEvent({
    uid: `${event.id}@${host}`,
    title: event.title,
    description: event.description,
    location: event.location || undefined,
    url: event.url,
    start: event.startsAt.getTime(),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: event.endsAt.getTime(),
    endInputType: 'utc',
    endOutputType: 'utc',
    productId: 'unionhall',
    status: 'CONFIRMED',
  });
  if (error || !value) throw error ?? new Error('could not build the calendar file');
  return value;
}
