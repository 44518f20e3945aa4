// How the documents write instants: a filing packet and a chronology are read on paper, by people
// who need the campaign's local time (when a card was signed) and an unambiguous UTC stamp (when
// the document was made).

/** An instant as the campaign's local time with its zone, e.g. "2015-03-18 19:41 PDT". */
export function formatLocalTime(instant: Date | null | undefined, timeZone: string): string {
  if (!instant) return '—';
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZoneName: 'short' }).formatToParts(instant);
  const get = (type: string): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')} ${get('timeZoneName')}`;
}

/** An instant to the minute in UTC, e.g. "2015-06-16 17:00 UTC"; '—' when there is none. */
export function formatUtcMinute(instant: Date | null | undefined): string {
  return instant ? `${instant.toISOString().slice(0, 16).replace('T', ' ')} UTC` : '—';
}
