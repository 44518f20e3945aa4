import type { MessageKey } from '../../i18n/locales/en.js';
import { PublicPage, type SiteModel } from './site-chrome.js';

export type ErrorPageKind = 'unavailable' | 'internal' | 'invalid' | 'tooLarge' | 'timeout';

const texts: Record<ErrorPageKind, { title: MessageKey; body: MessageKey }> = {
  unavailable: { title: 'site.error.unavailable.title', body: 'site.error.unavailable.body' },
  internal: { title: 'site.error.internal.title', body: 'site.error.internal.body' },
  invalid: { title: 'site.error.invalid.title', body: 'site.error.invalid.body' },
  tooLarge: { title: 'site.error.tooLarge.title', body: 'site.error.tooLarge.body' },
  timeout: { title: 'site.error.timeout.title', body: 'site.error.timeout.body' },
};

/**
 * What a person sees when a public page or form fails (the database is down, a bug, a request we
 * cannot read), in their language. It needs nothing from the database: it must render during an
 * outage, so the frame names no campaign.
 */
export function ErrorPage(props: { site: SiteModel; kind: ErrorPageKind }) {
  const { t } = props.site.locale;
  const text = texts[props.kind];
  return (
    <PublicPage site={props.site} section={null} title={t(text.title)}>
      <h1>{t(text.title)}</h1>
      <p role="alert">{t(text.body)}</p>
      <p>
        <a href={props.site.base === '' ? '/' : props.site.base}>{t('site.notFound.home')}</a>
      </p>
    </PublicPage>
  );
}
