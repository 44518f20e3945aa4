import { PublicPage, type SiteModel } from './site-chrome.js';

export type PressCoverage = { kind: 'news' | 'opinion' | 'broadcast' | 'radio' | 'online'; outlet: string; headline: string; date: string; url: string };
export type PressRelease = { headline: string; date: string; url: string; lang: 'en' | 'es' };

export function PressPage(props: { site: SiteModel; coverage: PressCoverage[]; releases: PressRelease[] }) {
  const { t, formatDay, lang } = props.site.locale;
  return (
    <PublicPage site={props.site} section="press" title={t('press.title')} description={t('press.intro')}>
      <h1>{t('press.title')}</h1>
      <p>{t('press.intro')}</p>
      <section aria-labelledby="coverage-heading">
        <h2 id="coverage-heading">{t('press.coverage')}</h2>
        {props.coverage.length === 0 ? <p>{t('press.noCoverage')}</p> : null}
        <ul className="press-list">
          {props.coverage.map((c, i) => (
            <li key={`${c.url}-${i}`}>
              <p className="meta">
                <span>{c.outlet}</span> · {t(`press.kind.${c.kind}`)} · <time dateTime={c.date}>{formatDay(c.date)}</time>
              </p>
              <p className="headline">
                <a href={c.url} rel="noopener noreferrer" aria-label={t('press.externalLink', { headline: c.headline, outlet: c.outlet })}>
                  {c.headline}
                </a>
              </p>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="releases-heading">
        <h2 id="releases-heading">{t('press.releases')}</h2>
        {props.releases.length === 0 ? <p>{t('press.noReleases')}</p> : null}
        <ul className="press-list">
          {props.releases.map((r) => (
            <li key={r.url} lang={r.lang === lang ? undefined : r.lang}>
              <p className="meta">
                <time dateTime={r.date}>{formatDay(r.date)}</time>
              </p>
              <p className="headline">
                <a href={r.url}>{r.headline}</a>
              </p>
            </li>
          ))}
        </ul>
      </section>
      <p>{t('press.contact')}</p>
    </PublicPage>
  );
}
