import { PublicPage, type SiteModel } from './site-chrome.js';
import type { NewsletterSummary } from './view-models.js';

export function NewsIndexPage(props: { site: SiteModel; newsletters: NewsletterSummary[] }) {
  const { t, formatDay, lang } = props.site.locale;
  return (
    <PublicPage site={props.site} section="news" title={t('news.title')} description={t('news.intro')}>
      <h1>{t('news.title')}</h1>
      <p>{t('news.intro')}</p>
      {props.newsletters.length === 0 ? <p>{t('news.empty')}</p> : null}
      <ol className="news-list">
        {props.newsletters.map((n) => (
          <li key={n.url}>
            <article lang={n.lang === lang ? undefined : n.lang}>
              <h2>
                <a href={n.url}>{n.title}</a>
              </h2>
              <p className="meta">
                <time dateTime={n.publishedOn}>{formatDay(n.publishedOn)}</time>
              </p>
              <p>{n.summary}</p>
            </article>
          </li>
        ))}
      </ol>
      <ul className="follow">
        <li>
          <a href={`${props.site.base}/news/subscribe`}>{t('news.subscribe.link')}</a>
        </li>
        <li>
          <a href={`${props.site.base}/news/${props.site.locale.lang}/feed.xml`}>{t('news.feed')}</a>
        </li>
      </ul>
    </PublicPage>
  );
}
