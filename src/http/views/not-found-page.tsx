import { PublicPage, type SiteModel } from './site-chrome.js';

export function NotFoundPage(props: { site: SiteModel }) {
  const { t } = props.site.locale;
  return (
    <PublicPage site={props.site} section={null} title={t('site.notFound.title')}>
      <h1>{t('site.notFound.title')}</h1>
      <p>{t('site.notFound.body')}</p>
      <p>
        <a href={props.site.base === '' ? '/' : props.site.base}>{t('site.notFound.home')}</a>
      </p>
    </PublicPage>
  );
}
