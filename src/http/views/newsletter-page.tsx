import { PublicPage, type SiteModel } from './site-chrome.js';

export function NewsletterPage(props: { site: SiteModel; title: string; summary: string; publishedOn: string; publishedAt: string; html: string; lang: 'en' | 'es' }) {
  const { t, formatDay, lang } = props.site.locale;
  return (
    <PublicPage site={props.site} section="news" title={props.title} description={props.summary} ogType="article" publishedTime={props.publishedAt}>
      <article className="newsletter" lang={props.lang === lang ? undefined : props.lang}>
        <h1>{props.title}</h1>
        <p className="meta">
          <time dateTime={props.publishedOn}>{t('news.published', { date: formatDay(props.publishedOn) })}</time>
        </p>
        {/* Sanitized by renderMarkdown (allow-list, no scripts or styles). */}
        <div className="prose" dangerouslySetInnerHTML={{ __html: props.html }} />
      </article>
      <p>
        <a href={`${props.site.base}/news`}>{t('news.back')}</a>
      </p>
    </PublicPage>
  );
}
