import { PublicPage, type SiteModel } from './site-chrome.js';

export function PressReleasePage(props: { site: SiteModel; headline: string; date: string; html: string; summary: string; lang: 'en' | 'es' }) {
  const { t, formatDay, lang } = props.site.locale;
  return (
    <PublicPage site={props.site} section="press" title={props.headline} description={props.summary} ogType="article">
      <article className="newsletter" lang={props.lang === lang ? undefined : props.lang}>
        <p className="meta">{t('press.kind.release')}</p>
        <h1>{props.headline}</h1>
        <p className="meta">
          <time dateTime={props.date}>{formatDay(props.date)}</time>
        </p>
        <div className="prose" dangerouslySetInnerHTML={{ __html: props.html }} />
      </article>
      <p>
        <a href={`${props.site.base}/press`}>{t('press.back')}</a>
      </p>
    </PublicPage>
  );
}
