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

/** A short page for a refused form (expired token, too many tries), in the reader's language. */
export function FormProblemPage(props: { site: SiteModel; problem: 'expired' | 'too-many' }) {
  const { t } = props.site.locale;
  const [title, body] = props.problem === 'expired' ? [t('site.formExpired.title'), t('site.formExpired.body')] : [t('site.tooMany.title'), t('site.tooMany.body')];
  return (
    <PublicPage site={props.site} section={null} title={title}>
      <h1>{title}</h1>
      <p role="alert">{body}</p>
      <p>
        <a href={props.site.base === '' ? '/' : props.site.base}>{t('site.notFound.home')}</a>
      </p>
    </PublicPage>
  );
}
