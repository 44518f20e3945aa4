import { PublicPage, type SiteModel } from './site-chrome.js';

export type SubscribeState = { kind: 'form'; csrfToken: string; email: string; error: string | null } | { kind: 'check-email' } | { kind: 'confirmed' } | { kind: 'invalid-link' };

export function SubscribePage(props: { site: SiteModel; state: SubscribeState }) {
  const { site, state } = props;
  const { t } = site.locale;
  return (
    <PublicPage site={site} section="news" title={t('news.subscribe.title')} description={t('news.subscribe.intro')}>
      <h1>{t('news.subscribe.title')}</h1>
      {state.kind === 'form' ? (
        <form method="post" action={`${site.base}/news/subscribe`} noValidate className="rsvp-form">
          <p>{t('news.subscribe.intro')}</p>
          <input type="hidden" name="_csrf" value={state.csrfToken} />
          <div className="field">
            <label htmlFor="subscribe-email">{t('news.subscribe.email')}</label>
            {state.error ? (
              <p className="field-error" id="subscribe-email-error" role="alert">
                {state.error}
              </p>
            ) : null}
            <input
              id="subscribe-email"
              name="email"
              type="email"
              autoComplete="email"
              required
              maxLength={254}
              defaultValue={state.email}
              aria-invalid={state.error ? true : undefined}
              aria-describedby={state.error ? 'subscribe-email-error' : undefined}
            />
          </div>
          <div className="hp" aria-hidden="true">
            <label htmlFor="subscribe-website">{t('events.rsvp.honeypot')}</label>
            <input id="subscribe-website" name="website" type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
          </div>
          <button type="submit" className="button">
            {t('news.subscribe.submit')}
          </button>
        </form>
      ) : (
        <p className="notice" role="status">
          {state.kind === 'check-email' ? t('news.subscribe.checkEmail') : state.kind === 'confirmed' ? t('news.subscribe.confirmed') : t('news.subscribe.invalidLink')}
        </p>
      )}
      <p>
        <a href={`${site.base}/news`}>{t('news.back')}</a>
      </p>
    </PublicPage>
  );
}
