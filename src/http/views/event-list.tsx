import type { RequestLocale } from '../request-locale.js';
import type { EventSummary } from './view-models.js';

export function EventList(props: { events: EventSummary[]; locale: RequestLocale; timeZone: string; headingLevel: 2 | 3 }) {
  const { t, formatDateTime } = props.locale;
  const Heading = props.headingLevel === 2 ? 'h2' : 'h3';
  return (
    <ul className="event-list">
      {props.events.map((e) => (
        <li key={e.url}>
          <article>
            <Heading>
              <a href={e.url}>{e.title}</a>
            </Heading>
            <p className="meta">
              {t(`events.kind.${e.kind}`)} · <time dateTime={e.startsAt.toISOString()}>{formatDateTime(e.startsAt, props.timeZone)}</time>
              {e.location ? ` · ${e.location}` : ''}
            </p>
            <p>
              <a href={e.calendarUrl}>{t('events.calendar')}</a>
            </p>
          </article>
        </li>
      ))}
    </ul>
  );
}
