const numberFormat = new Intl.NumberFormat('en-US');
const dateTimeFormat = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short' });
const dateFormat = new Intl.DateTimeFormat('en-US', { dateStyle: 'long', timeZone: 'UTC' });

export const formatNumber = (n: number): string => numberFormat.format(n);
/** A count the API may withhold (null: it would count fewer than 5 people, decision 0023). */
export const formatCount = (n: number | null): string => (n === null ? 'withheld' : numberFormat.format(n));
export const formatDateTime = (iso: string): string => dateTimeFormat.format(new Date(iso));
/** A calendar date (YYYY-MM-DD) as words, without shifting it by the browser's time zone. */
export const formatDate = (isoDate: string): string => dateFormat.format(new Date(`${isoDate}T00:00:00Z`));
const timeFormat = new Intl.DateTimeFormat('en-US', { timeStyle: 'short', timeZone: 'UTC' });
/** A day and a time on the campaign's wall clock ("May 1, 2026, 10:00 AM"), as given: no zone shift. */
export const formatWallClock = (isoDate: string, time: string): string => `${formatDate(isoDate)}, ${timeFormat.format(new Date(`${isoDate}T${time}:00Z`))}`;
export const todayIso = (): string => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};
export const plural = (n: number, one: string, many: string): string => `${formatNumber(n)} ${n === 1 ? one : many}`;
