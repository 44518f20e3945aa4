import type { PublicCounters } from '../../db/repositories/public-counters-repository.js';
import { publicFigure } from '../../domain/public-numbers/round-public-number.js';
import { EndorsementSummaryList } from './endorsement-summary.js';
import { EventList } from './event-list.js';
import { PublicPage, type SiteModel } from './site-chrome.js';
import type { EndorsementCard, EndorsementCount, EventSummary, NewsletterSummary } from './view-models.js';

export type HomePageModel = {
  site: SiteModel;
  statement: string;
  counters: PublicCounters;
  cardUrl: string;
  /** Null when the campaign has no published petition: then the community action is not shown. */
  petitionUrl: string | null;
  latestNewsletter: NewsletterSummary | null;
  endorsementCounts: EndorsementCount[];
  endorsementHighlights: EndorsementCard[];
  events: EventSummary[];
};

// Campaign-wide totals only: no per-school figure ever appears on a public page. Educators and
// schools are the numbers last published, with their date (decision 0023); petition signatures
// and endorsements are public acts, counted live.
export function HomePage(model: HomePageModel) {
  const { site } = model;
  const { t, formatNumber, formatDay } = site.locale;
  const paragraphs = model.statement.split(/\n{2,}/).filter((p) => p.trim() !== '');
  const support = model.counters.support;
  // "146", "over 145" or "fewer than 5"; the label agrees with the number as worded.
  const published = (key: string, shown: number, granularity: number, label: 'home.counter.educators' | 'home.counter.schools') => {
    const f = publicFigure(shown, granularity);
    const n = formatNumber(f.value);
    const value = f.kind === 'exact' ? n : f.kind === 'over' ? t('home.counter.over', { value: n }) : t('home.counter.fewerThan', { value: n });
    return { key, value, label: t(label, { count: f.value }) };
  };
  const counters = [
    ...(support
      ? [published('educators', support.educators, support.granularity, 'home.counter.educators'), published('schools', support.schools, support.granularity, 'home.counter.schools')]
      : []),
    { key: 'signatures', value: formatNumber(model.counters.petitionSignatures), label: t('home.counter.signatures', { count: model.counters.petitionSignatures }) },
    { key: 'endorsements', value: formatNumber(model.counters.endorsements), label: t('home.counter.endorsements', { count: model.counters.endorsements }) },
  ];
  const news = model.latestNewsletter;
  return (
    <PublicPage site={site} section="home" title={site.campaignName} description={paragraphs[0]}>
      <section className="hero" aria-labelledby="hero-heading">
        <h1 id="hero-heading">{site.campaignName}</h1>
        {paragraphs.map((p, i) => (
          <p key={i}>{p}</p>
        ))}
      </section>
      <section aria-labelledby="counters-heading" className="counters">
        <h2 id="counters-heading">{t('home.countersHeading')}</h2>
        <ul>
          {counters.map((c) => (
            <li key={c.key}>
              <strong>{c.value}</strong> <span>{c.label}</span>
            </li>
          ))}
        </ul>
        <p className="meta">
          {support ? (
            t('home.counters.published', { date: formatDay(support.asOf) })
          ) : (
            t('home.counters.notPublished')
          )}
        </p>
      </section>
      <section className="actions" aria-labelledby="actions-heading">
        <h2 id="actions-heading">{t('home.actionsHeading')}</h2>
        <div className="action-grid">
          <div className="action">
            <h3>{t('home.educators.heading')}</h3>
            <p>{t('home.educators.body')}</p>
            <a className="button" href={model.cardUrl}>
              {t('home.educators.button')}
            </a>
          </div>
          {model.petitionUrl ? (
            <div className="action">
              <h3>{t('home.community.heading')}</h3>
              <p>{t('home.community.body')}</p>
              <a className="button" href={model.petitionUrl}>
                {t('home.community.button')}
              </a>
            </div>
          ) : null}
        </div>
      </section>
      <section aria-labelledby="news-heading">
        <h2 id="news-heading">{t('home.latestNews')}</h2>
        {news ? (
          <article className="teaser" lang={news.lang === site.locale.lang ? undefined : news.lang}>
            <h3>
              <a href={news.url}>{news.title}</a>
            </h3>
            <p className="meta">
              <time dateTime={news.publishedOn}>{formatDay(news.publishedOn)}</time>
            </p>
            <p>{news.summary}</p>
          </article>
        ) : (
          <p>{t('news.empty')}</p>
        )}
        <p>
          <a href={`${site.base}/news`}>{t('home.allNews')}</a>
        </p>
      </section>
      <section aria-labelledby="endorsements-heading">
        <h2 id="endorsements-heading">{t('home.endorsementsHeading')}</h2>
        {model.endorsementCounts.length > 0 ? <EndorsementSummaryList counts={model.endorsementCounts} t={t} /> : <p>{t('endorsements.empty')}</p>}
        {model.endorsementHighlights.map((e) =>
          e.quote ? (
            <figure key={e.name} className="quote">
              <blockquote>
                <p>{e.quote}</p>
              </blockquote>
              <figcaption>
                {e.name}
                {e.title ? `, ${e.title}` : ''}
              </figcaption>
            </figure>
          ) : null,
        )}
        <p>
          <a href={`${site.base}/endorsements`}>{t('home.allEndorsements')}</a>
        </p>
      </section>
      <section aria-labelledby="events-heading">
        <h2 id="events-heading">{t('home.eventsHeading')}</h2>
        {model.events.length > 0 ? <EventList events={model.events} locale={site.locale} timeZone={site.timeZone} headingLevel={3} /> : <p>{t('home.noEvents')}</p>}
        <p>
          <a href={`${site.base}/events`}>{t('home.allEvents')}</a>
        </p>
      </section>
    </PublicPage>
  );
}
