import { createEvents, type EventAttributes } from 'ics';
import { foldCalendarLines } from './fold-calendar-lines.js';
import { markdownToPlainText } from './render-markdown.js';

export type CalendarEvent = { id: string; title: string; descriptionMarkdown: string; location: string; startsAt: Date; endsAt: Date; updatedAt: Date; url: string };

/**
 * An iCalendar file (RFC 5545) of one event or of all of them (the feed a calendar subscribes to),
 * in UTC so every calendar shows the right local time. The description is plain text (calendars
 * show DESCRIPTION as typed: Markdown's `**` would show), followed by the event's page; the UID is
 * the event's id, so a subscribed calendar updates an event rather than adding a second one. Lines
 * are folded by octets (foldCalendarLines).
 */
export function buildEventCalendar(events: readonly CalendarEvent[], options: { host: string; name?: string }): string {
  const attributes = events.map(
    (event): EventAttributes => ({
      uid: `${event.id}@${options.host}`,
      title: event.title,
      description: [markdownToPlainText(event.descriptionMarkdown), event.url].filter((part) => part !== '').join('\n\n'),
      location: event.location || undefined,
      url: event.url,
      start: event.startsAt.getTime(),
      startInputType: 'utc',
      startOutputType: 'utc',
      end: event.endsAt.getTime(),
      endInputType: 'utc',
      endOutputType: 'utc',
      lastModified: event.updatedAt.getTime(),
      status: 'CONFIRMED',
    }),
  );
  // An empty feed is still a calendar: `ics` refuses zero events, so its header is written here.
  if (attributes.length === 0) return foldCalendarLines(['BEGIN:VCALENDAR', 'VERSION:2.0', 'CALSCALE:GREGORIAN', 'PRODID:unionhall', 'METHOD:PUBLISH', ...(options.name ? [`X-WR-CALNAME:${escapeText(options.name)}`] : []), 'END:VCALENDAR'].join('\r\n'));
  const { error, value } = createEvents(attributes, { productId: 'unionhall', method: 'PUBLISH', ...(options.name ? { calName: options.name } : {}) });
  if (error || !value) throw error ?? new Error('could not build the calendar file');
  return foldCalendarLines(value);
}

function escapeText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}
