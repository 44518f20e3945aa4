import { PublicPage, type SiteModel } from './site-chrome.js';

/** Where the link in an API signup's confirmation email lands. */
export function SignupConfirmPage(props: { site: SiteModel; confirmed: boolean }) {
  const { site, confirmed } = props;
  const { t } = site.locale;
  return (
    <PublicPage site={site} section={null} title={t('signup.confirm.title')}>
      <h1>{t('signup.confirm.title')}</h1>
      <p className="notice" role="status">
        {confirmed ? t('signup.confirm.confirmed') : t('signup.confirm.invalidLink')}
      </p>
    </PublicPage>
  );
}
