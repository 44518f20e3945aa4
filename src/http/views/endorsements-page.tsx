import type { EndorsementGroup } from '../../domain/public-site/endorsement-groups.js';
import { EndorsementSummaryList } from './endorsement-summary.js';
import { formatFileSize, PublicPage, type SiteModel } from './site-chrome.js';
import type { EndorsementCard } from './view-models.js';

export function EndorsementsPage(props: { site: SiteModel; groups: { group: EndorsementGroup; items: EndorsementCard[] }[] }) {
  const { t, formatDay, lang } = props.site.locale;
  const counts = props.groups.map((g) => ({ group: g.group, count: g.items.length }));
  return (
    <PublicPage site={props.site} section="endorsements" title={t('endorsements.title')} description={t('endorsements.intro')}>
      <h1>{t('endorsements.title')}</h1>
      <p>{t('endorsements.intro')}</p>
      {counts.length === 0 ? (
        <p>{t('endorsements.empty')}</p>
      ) : (
        <section aria-labelledby="summary-heading">
          <h2 id="summary-heading">{t('endorsements.summaryLabel')}</h2>
          <EndorsementSummaryList counts={counts} t={t} />
        </section>
      )}
      {props.groups.map((g) => (
        <section key={g.group} aria-labelledby={`group-${g.group}`}>
          <h2 id={`group-${g.group}`}>
            {t(`endorsements.heading.${g.group}`)} ({g.items.length})
          </h2>
          <ul className="endorsement-list">
            {g.items.map((e, i) => (
              <li key={`${e.name}-${i}`}>
                <h3>{e.name}</h3>
                {e.title ? <p className="meta">{e.title}</p> : null}
                <p className="meta">
                  <time dateTime={e.date}>{t('endorsements.date', { date: formatDay(e.date) })}</time>
                </p>
                {e.quote ? (
                  <blockquote>
                    <p>{e.quote}</p>
                  </blockquote>
                ) : null}
                {e.documentUrl && e.documentSize !== null ? (
                  <p>
                    <a href={e.documentUrl} type="application/pdf">
                      {t('endorsements.document', { size: formatFileSize(e.documentSize, lang) })}
                    </a>
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </PublicPage>
  );
}
