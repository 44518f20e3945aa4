import type { CardConfirmationView } from '../../domain/cards/load-card-confirmation.js';
import { PublicPage, type SiteModel } from './site-chrome.js';

const homeOf = (site: SiteModel): string => (site.base === '' ? '/' : site.base);

/**
 * The page of the confirmation link: the card, and two buttons that POST the answer. Opening the
 * link records nothing (mail scanners open links); the answer is a form, with its CSRF token, that
 * works without JavaScript.
 */
export function CardConfirmPage(model: { site: SiteModel; action: string; csrfToken: string; card: CardConfirmationView }) {
  const { site, card } = model;
  const { t, formatDay } = site.locale;
  return (
    <PublicPage site={site} section={null} title={t('cardConfirm.title')}>
      <div className="card-form">
        <h1>{t('cardConfirm.heading')}</h1>
        <p>{t('cardConfirm.intro')}</p>
        <dl className="card-facts">
          <dt>{t('card.field.legal_name')}</dt>
          <dd>{card.signerName}</dd>
          <dt>{t('card.field.school')}</dt>
          <dd>{t('card.field.schoolWithEmployer', { school: card.worksiteName, employer: card.employerName })}</dd>
          <dt>{t('cardConfirm.signedOn')}</dt>
          <dd>
            <time dateTime={card.signedOn}>{formatDay(card.signedOn)}</time>
          </dd>
        </dl>
        <section className="card-text" aria-label={t('cardConfirm.title')}>
          {card.cardText.split(/\n{2,}/).map((p, i) => (
            <p key={i}>{p}</p>
          ))}
        </section>
        <form method="post" action={model.action}>
          <input type="hidden" name="_csrf" value={model.csrfToken} />
          <button className="button" type="submit" name="answer" value="signed">
            {t('cardConfirm.yes')}
          </button>{' '}
          <button className="button" type="submit" name="answer" value="not_signed">
            {t('cardConfirm.no')}
          </button>
        </form>
      </div>
    </PublicPage>
  );
}

/** After an answer (or for a card already answered): what is on record. */
export function CardConfirmDonePage(model: { site: SiteModel; answer: 'signed' | 'not_signed' }) {
  const { t } = model.site.locale;
  return (
    <PublicPage site={model.site} section={null} title={t('cardConfirm.thanks.heading')}>
      <h1>{t('cardConfirm.thanks.heading')}</h1>
      <p>{model.answer === 'signed' ? t('cardConfirm.thanks.signed') : t('cardConfirm.thanks.notSigned')}</p>
      <p>
        <a href={homeOf(model.site)}>{t('card.back')}</a>
      </p>
    </PublicPage>
  );
}

/** A link that names no card: nothing is said about any card. */
export function CardConfirmInvalidPage(model: { site: SiteModel }) {
  const { t } = model.site.locale;
  return (
    <PublicPage site={model.site} section={null} title={t('cardConfirm.invalid.heading')}>
      <h1>{t('cardConfirm.invalid.heading')}</h1>
      <p>{t('cardConfirm.invalid.body')}</p>
      <p>
        <a href={homeOf(model.site)}>{t('card.back')}</a>
      </p>
    </PublicPage>
  );
}
