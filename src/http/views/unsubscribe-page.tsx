import { PublicPage, type SiteModel } from './site-chrome.js';

// A GET shows a button and never unsubscribes by itself: mail scanners open links. The button
// posts to the same URL that mail clients use for one-click unsubscribe (RFC 8058).
export function UnsubscribePage(props: { site: SiteModel; state: { kind: 'ask'; email: string; action: string } | { kind: 'done' } | { kind: 'invalid-link' } }) {
  const { site, state } = props;
  const { t } = site.locale;
  return (
    <PublicPage site={site} section="news" title={t('news.unsubscribe.title')}>
      <h1>{t('news.unsubscribe.title')}</h1>
      {state.kind === 'ask' ? (
        <form method="post" action={state.action}>
          <p>{t('news.unsubscribe.question', { email: state.email })}</p>
          <input type="hidden" name="List-Unsubscribe" value="One-Click" />
          <button type="submit" className="button">
            {t('news.unsubscribe.button')}
          </button>
        </form>
      ) : (
        <p className="notice" role="status">
          {state.kind === 'done' ? t('news.unsubscribe.done') : t('news.subscribe.invalidLink')}
        </p>
      )}
    </PublicPage>
  );
}
