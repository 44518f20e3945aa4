import type { Incident } from '../../lib/conduct-types.js';
import { formatDate, plural } from '../../lib/format.js';

/** The charge deadline in words, coloured by how close it is. */
export function describeDeadline(deadline: Incident['deadline']): string {
  const on = formatDate(deadline.deadline);
  switch (deadline.level) {
    case 'filed':
      return `Charge filed (deadline was ${on})`;
    case 'expired':
      return `Deadline passed ${on}`;
    case 'warning':
      return deadline.daysLeft === 0 ? `File today: deadline ${on}` : `${plural(deadline.daysLeft, 'day', 'days')} left: file by ${on}`;
    default:
      return `File by ${on} (${plural(deadline.daysLeft, 'day', 'days')} left)`;
  }
}

export function DeadlineBadge(props: { deadline: Incident['deadline'] }) {
  return <span className={`deadline deadline-${props.deadline.level}`}>{describeDeadline(props.deadline)}</span>;
}

/** "page 9", "pages 6–7", or ''. */
export function formatPages(from: number | null, to: number | null): string {
  if (from === null) return '';
  return to === null || to === from ? `page ${from}` : `pages ${from}–${to}`;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
