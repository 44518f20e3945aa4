import { PublicPage, type SiteModel } from './site-chrome.js';
import type { EventSummary } from './view-models.js';

export type RsvpField = 'name' | 'email' | 'phone';
export type RsvpForm = { action: string; csrfToken: string; values: Record<RsvpField, string>; errors: Partial<Record<RsvpField, string>> };

export type EventPageModel = {
  site: SiteModel;
  event: EventSummary & { endsAt: Date; descriptionHtml: string; description: string };
  isPast: boolean;
  rsvpOpen: boolean;
  thanks: boolean;
  form: RsvpForm;
};

export function EventPage(model: EventPageModel) {
  const { site, event, form } = model;
  const { t, formatDateTime } = site.locale;
  const errorFields = (Object.keys(form.errors) as RsvpField[]).filter((f) => form.errors[f]);
  const field = (name: RsvpField, label: string, type: string, autoComplete: string, required: boolean) => {
    const error = form.errors[name];
    return (
      <div className="field">
        <label htmlFor={`rsvp-${name}`}>{label}</label>
        {error ? (
          <p className="field-error" id={`rsvp-${name}-error`}>
            {error}
          </p>
        ) : null}
        <input
          id={`rsvp-${name}`}
          name={name}
          type={type}
          autoComplete={autoComplete}
          required={required}
          maxLength={name === 'phone' ? 40 : 200}
          defaultValue={form.values[name]}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `rsvp-${name}-error` : undefined}
        />
      </div>
    );
  };
  return (
    <PublicPage site={site} section="events" title={event.title} description={event.description.slice(0, 200)}>
      <article className="event">
        <p className="meta">{t(`events.kind.${event.kind}`)}</p>
        <h1>{event.title}</h1>
        <dl className="event-facts">
          <dt>{t('events.when')}</dt>
          <dd>
            <time dateTime={event.startsAt.toISOString()}>{formatDateTime(event.startsAt, site.timeZone)}</time>
          </dd>
          {event.location ? (
            <>
              <dt>{t('events.where')}</dt>
              <dd>{event.location}</dd>
            </>
          ) : null}
        </dl>
        <div className="prose" dangerouslySetInnerHTML={{ __html: event.descriptionHtml }} />
        <p>
          <a href={event.calendarUrl}>{t('events.calendar')}</a>
        </p>
      </article>
      <section aria-labelledby="rsvp-heading" className="rsvp">
        <h2 id="rsvp-heading">{t('events.rsvp.heading')}</h2>
        {model.thanks ? (
          <p className="notice" role="status">
            {t('events.rsvp.thanks')}
          </p>
        ) : model.isPast ? (
          <p>{t('events.past')}</p>
        ) : !model.rsvpOpen ? (
          <p>{t('events.rsvp.closed')}</p>
        ) : (
          <form method="post" action={form.action} noValidate>
            <p>{t('events.rsvp.intro')}</p>
            {errorFields.length > 0 ? (
              <div className="error-summary" role="alert" aria-labelledby="rsvp-errors-heading">
                <h3 id="rsvp-errors-heading">{t('events.rsvp.errorsHeading')}</h3>
                <ul>
                  {errorFields.map((f) => (
                    <li key={f}>
                      <a href={`#rsvp-${f}`}>{form.errors[f]}</a>
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
            <input type="hidden" name="_csrf" value={form.csrfToken} />
            {field('name', t('events.rsvp.name'), 'text', 'name', true)}
            {field('email', t('events.rsvp.email'), 'email', 'email', true)}
            {field('phone', t('events.rsvp.phone'), 'tel', 'tel', false)}
            {/* A field people never see; bots fill it. */}
            <div className="hp" aria-hidden="true">
              <label htmlFor="rsvp-website">{t('events.rsvp.honeypot')}</label>
              <input id="rsvp-website" name="website" type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
            </div>
            <button type="submit" className="button">
              {t('events.rsvp.submit')}
            </button>
          </form>
        )}
      </section>
      <p>
        <a href={`${site.base}/events`}>{t('events.back')}</a>
      </p>
    </PublicPage>
  );
}
