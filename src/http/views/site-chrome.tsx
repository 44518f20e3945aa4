import type { ReactNode } from 'react';
import type { MessageKey } from '../../i18n/locales/en.js';
import type { RequestLocale } from '../request-locale.js';
import { Layout } from './layout.js';

export type SiteSection = 'home' | 'news' | 'endorsements' | 'press' | 'events' | null;

/** What every public page knows about where it is. */
export type SiteModel = {
  campaignName: string;
  /** '' for the default campaign, '/c/{slug}' for the others. */
  base: string;
  /** Absolute URL of the site root for this campaign (for Open Graph and feeds). */
  siteUrl: string;
  /** This page's path after `base` ('' for home). */
  path: string;
  /** The campaign's time zone (IANA), for event times. */
  timeZone: string;
  locale: RequestLocale;
};

const sections: { id: Exclude<SiteSection, null>; path: string; label: MessageKey }[] = [
  { id: 'home', path: '', label: 'site.nav.home' },
  { id: 'news', path: '/news', label: 'site.nav.news' },
  { id: 'endorsements', path: '/endorsements', label: 'site.nav.endorsements' },
  { id: 'press', path: '/press', label: 'site.nav.press' },
  { id: 'events', path: '/events', label: 'site.nav.events' },
];

const ogLocales = { en: 'en_US', es: 'es_US' } as const;

// The frame of every public page: skip link, landmarks (banner, navigation, main, contentinfo),
// the language switch as a plain link, and Open Graph tags. Other public pages (petition, card)
// use it too: <PublicPage site={…} section={null} title=…>…</PublicPage>.
export function PublicPage(props: { site: SiteModel; section: SiteSection; title: string; description?: string; ogType?: 'website' | 'article'; publishedTime?: string; children: ReactNode }) {
  const { site } = props;
  const { t, lang, other } = site.locale;
  const home = site.base === '' ? '/' : site.base;
  const fullTitle = props.section === 'home' ? site.campaignName : `${props.title} · ${site.campaignName}`;
  return (
    <Layout
      title={fullTitle}
      lang={lang}
      description={props.description}
      openGraph={{ url: `${site.siteUrl}${site.path}`, type: props.ogType ?? 'website', siteName: site.campaignName, locale: ogLocales[lang], alternateLocale: ogLocales[other], publishedTime: props.publishedTime }}
      feed={{ href: `${site.base}/news/${site.locale.lang}/feed.xml`, title: t('news.feedTitle', { campaign: site.campaignName }) }}
    >
      <a className="skip-link" href="#main">
        {t('site.skipToContent')}
      </a>
      <header className="site-header">
        <p className="brand">
          <a href={home}>{site.campaignName}</a>
        </p>
        <nav aria-label={t('site.languageLabel')} className="language-switch">
          <a href={site.locale.switchHref} hrefLang={other} lang={other}>
            {t('site.switchTo')}
          </a>
        </nav>
      </header>
      <nav aria-label={t('site.navLabel')} className="site-nav">
        <ul>
          {sections.map((s) => (
            <li key={s.id}>
              <a href={s.path === '' ? home : `${site.base}${s.path}`} aria-current={props.section === s.id ? 'page' : undefined}>
                {t(s.label)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" tabIndex={-1}>
        {props.children}
      </main>
      <footer className="site-footer">
        <p>{t('site.footer.confidential')}</p>
        <p>
          <a href={`${site.base}/news/${site.locale.lang}/feed.xml`}>{t('site.footer.feed')}</a> · <a href="/app/">{t('site.footer.organizers')}</a>
        </p>
      </footer>
    </Layout>
  );
}

export function formatFileSize(bytes: number, lang: string): string {
  const n = new Intl.NumberFormat(lang === 'es' ? 'es-US' : 'en-US', { maximumFractionDigits: 1 });
  if (bytes < 1024 * 1024) return `${n.format(Math.max(1, Math.round(bytes / 1024)))} KB`;
  return `${n.format(bytes / (1024 * 1024))} MB`;
}
