import { EventList } from './event-list.js';
import { PublicPage, type SiteModel } from './site-chrome.js';
import type { EventSummary } from './view-models.js';

export function EventsPage(props: { site: SiteModel; events: EventSummary[] }) {
  const { t } = props.site.locale;
  return (
    <PublicPage site={props.site} section="events" title={t('events.title')} description={t('events.intro')}>
      <h1>{t('events.title')}</h1>
      <p>{t('events.intro')}</p>
      <p>
        {/* webcal:// opens the calendar app's "subscribe" dialog; the https link is the same feed. */}
        <a href={`${props.site.siteUrl.replace(/^https?:/, 'webcal:')}/events/calendar.ics`}>{t('events.subscribe')}</a> (<a href={`${props.site.base}/events/calendar.ics`}>.ics</a>)
      </p>
      {props.events.length === 0 ? <p>{t('events.empty')}</p> : <EventList events={props.events} locale={props.site.locale} timeZone={props.site.timeZone} headingLevel={2} />}
    </PublicPage>
  );
}
