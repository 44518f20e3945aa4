import { relationships, type Relationship } from '../../domain/petitions/signature-input.js';
import type { MessageKey } from '../../i18n/locales/en.js';
import type { RequestLocale } from '../request-locale.js';
import { PublicPage, type SiteModel } from './site-chrome.js';

export type PetitionField = 'given_name' | 'family_name' | 'email' | 'zip' | 'city' | 'relationship' | 'comment' | 'show_publicly' | 'keep_updated';

export type PetitionView = {
  actionUrl: string;
  title: string;
  text: string;
  target: string;
  goal: number;
  count: number;
  signers: { givenName: string; familyInitial: string; relationship: Relationship; city: string | null }[];
};

export type PetitionFormState = {
  csrfToken: string;
  /** JSON of the ALTCHA challenge; the page's script solves it, without JavaScript it stays empty. */
  challenge: string;
  values: Partial<Record<PetitionField, string>>;
  /** Already in the reader's language. */
  errors: Partial<Record<PetitionField, string>>;
};

const relationshipLabel = (r: Relationship): MessageKey => `petition.relationship.${r}`;

function Paragraphs(props: { text: string }) {
  return (
    <>
      {props.text
        .split(/\n{2,}/)
        .filter((p) => p.trim() !== '')
        .map((p, i) => (
          <p key={i}>{p}</p>
        ))}
    </>
  );
}

function Field(props: { name: PetitionField; type?: string; required?: boolean; autoComplete?: string; hint?: string; state: PetitionFormState; inputMode?: 'numeric'; locale: RequestLocale }) {
  const { t } = props.locale;
  const error = props.state.errors[props.name];
  const describedBy = [props.hint ? `${props.name}-hint` : null, error ? `${props.name}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={error ? 'field field-error' : 'field'}>
      <label htmlFor={`f-${props.name}`}>
        {t(`petition.field.${props.name}`)}
        {props.required ? null : <span className="optional"> {t('petition.optional')}</span>}
      </label>
      {props.hint ? (
        <p className="hint" id={`${props.name}-hint`}>
          {props.hint}
        </p>
      ) : null}
      {error ? (
        <p className="error" id={`${props.name}-error`}>
          {error}
        </p>
      ) : null}
      <input
        id={`f-${props.name}`}
        name={props.name}
        type={props.type ?? 'text'}
        required={props.required}
        autoComplete={props.autoComplete}
        inputMode={props.inputMode}
        defaultValue={props.state.values[props.name] ?? ''}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
      />
    </div>
  );
}

function ProgressBlock(props: { count: number; goal: number; locale: RequestLocale }) {
  const { t, formatNumber } = props.locale;
  const goal = Math.max(props.goal, 1);
  return (
    <section className="petition-progress" aria-labelledby="progress-heading">
      <h2 id="progress-heading" className="visually-hidden">
        {t('petition.progressHeading')}
      </h2>
      <p className="petition-count">
        <strong>{formatNumber(props.count)}</strong> {t('petition.countOfGoal', { count: props.count, goal: formatNumber(props.goal) })}
      </p>
      <progress max={goal} value={Math.min(props.count, goal)} aria-label={t('petition.progressLabel')}>
        {Math.round((props.count / goal) * 100)}%
      </progress>
    </section>
  );
}

export function PetitionPage(props: { site: SiteModel; petition: PetitionView; form: PetitionFormState }) {
  const { site, petition, form } = props;
  const locale = site.locale;
  const { t } = locale;
  const errorEntries = (Object.entries(form.errors) as [PetitionField, string | undefined][]).filter((e): e is [PetitionField, string] => typeof e[1] === 'string');
  const title = errorEntries.length > 0 ? t('petition.errorTitle', { title: petition.title }) : petition.title;
  return (
    <PublicPage site={site} section={null} title={title} description={petition.text.split(/\n{2,}/)[0]}>
      <h1>{petition.title}</h1>
      <p className="petition-target">
        {t('petition.to')} <strong>{petition.target}</strong>
      </p>
      <ProgressBlock count={petition.count} goal={petition.goal} locale={locale} />
      <section className="petition-text" aria-label={t('petition.textLabel')}>
        <Paragraphs text={petition.text} />
      </section>

      <section aria-labelledby="sign-heading" className="petition-form">
        <h2 id="sign-heading">{t('petition.signHeading')}</h2>
        {errorEntries.length > 0 ? (
          <div className="error-summary" role="alert" aria-labelledby="error-summary-heading">
            <h3 id="error-summary-heading">{t('petition.errorsHeading', { count: errorEntries.length })}</h3>
            <ul>
              {errorEntries.map(([field, message]) => (
                <li key={field}>
                  <a href={`#f-${field}`}>{message}</a>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        <form
          method="post"
          action={petition.actionUrl}
          id="petition-form"
          data-challenge={form.challenge}
          data-wait={t('petition.wait')}
          noValidate={errorEntries.length > 0 ? true : undefined}
        >
          <input type="hidden" name="_csrf" value={form.csrfToken} />
          <input type="hidden" name="altcha" value="" id="f-altcha" />
          <Field name="given_name" required autoComplete="given-name" state={form} locale={locale} />
          <Field name="family_name" required autoComplete="family-name" state={form} locale={locale} />
          <Field name="email" type="email" required autoComplete="email" hint={t('petition.field.emailHint')} state={form} locale={locale} />
          <Field name="zip" required autoComplete="postal-code" inputMode="numeric" state={form} locale={locale} />
          <Field name="city" autoComplete="address-level2" state={form} locale={locale} />
          <fieldset className={form.errors.relationship ? 'field field-error' : 'field'} aria-describedby={form.errors.relationship ? 'relationship-error' : undefined}>
            <legend>{t('petition.field.relationship')}</legend>
            {form.errors.relationship ? (
              <p className="error" id="relationship-error">
                {form.errors.relationship}
              </p>
            ) : null}
            {relationships.map((value, i) => (
              <div className="choice" key={value}>
                <input
                  type="radio"
                  name="relationship"
                  value={value}
                  id={i === 0 ? 'f-relationship' : `f-relationship-${value}`}
                  defaultChecked={form.values.relationship === value}
                  required
                />
                <label htmlFor={i === 0 ? 'f-relationship' : `f-relationship-${value}`}>{t(relationshipLabel(value))}</label>
              </div>
            ))}
          </fieldset>
          <div className={form.errors.comment ? 'field field-error' : 'field'}>
            <label htmlFor="f-comment">
              {t('petition.field.comment')}
              <span className="optional"> {t('petition.optional')}</span>
            </label>
            {form.errors.comment ? (
              <p className="error" id="comment-error">
                {form.errors.comment}
              </p>
            ) : null}
            <textarea id="f-comment" name="comment" rows={3} maxLength={2000} defaultValue={form.values.comment ?? ''} aria-describedby={form.errors.comment ? 'comment-error' : undefined} />
          </div>
          <div className="choice">
            <input
              type="checkbox"
              name="show_publicly"
              value="yes"
              id="f-show_publicly"
              defaultChecked={form.values.show_publicly !== undefined && form.values.show_publicly !== ''}
              aria-describedby={form.errors.show_publicly ? 'show_publicly-error' : undefined}
            />
            <label htmlFor="f-show_publicly">{t('petition.field.show_publicly')}</label>
          </div>
          {form.errors.show_publicly ? (
            <p className="error" id="show_publicly-error">
              {form.errors.show_publicly}
            </p>
          ) : null}
          <div className="choice">
            <input type="checkbox" name="keep_updated" value="yes" id="f-keep_updated" defaultChecked={form.values.keep_updated !== undefined && form.values.keep_updated !== ''} aria-describedby="keep_updated-hint" />
            <label htmlFor="f-keep_updated">{t('petition.field.keep_updated')}</label>
          </div>
          <p className="hint" id="keep_updated-hint">
            {t('petition.field.keep_updated.hint')}
          </p>
          {/* A field people never see or fill; software that fills every field does. */}
          <div className="hp" aria-hidden="true">
            <label htmlFor="f-website">{t('petition.field.honeypot')}</label>
            <input type="text" name="website" id="f-website" tabIndex={-1} autoComplete="off" defaultValue="" />
          </div>
          <p className="form-status" id="petition-status" aria-live="polite"></p>
          <button type="submit" className="button">
            {t('petition.submit')}
          </button>
        </form>
      </section>

      {petition.signers.length > 0 ? (
        <section aria-labelledby="signers-heading" className="petition-signers">
          <h2 id="signers-heading">{t('petition.signersHeading')}</h2>
          <ul>
            {petition.signers.map((s, i) => (
              <li key={i}>
                <strong>
                  {s.givenName} {s.familyInitial}.
                </strong>{' '}
                <span>
                  {t(relationshipLabel(s.relationship))}
                  {s.city ? `, ${s.city}` : ''}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <script src="/assets/petition.js" defer></script>
    </PublicPage>
  );
}

/** "Check your email", "confirmed", "this link does not work", "too many": a heading and a few lines. */
export function PetitionNoticePage(props: { site: SiteModel; petition: { title: string; goal: number; url: string; count: number | null }; heading: string; body: string[]; share?: boolean }) {
  const { site, petition } = props;
  const { t } = site.locale;
  const absolute = `${site.siteUrl}${petition.url.slice(site.base.length)}`;
  const message = t('petition.share.message', { title: petition.title });
  // Plain links to each service's own share address: no third-party script or pixel on our page,
  // so nobody learns who signed by loading it.
  const shares = [
    { label: t('petition.share.email'), href: `mailto:?subject=${encodeURIComponent(petition.title)}&body=${encodeURIComponent(`${message}\n\n${absolute}`)}` },
    { label: 'WhatsApp', href: `https://wa.me/?text=${encodeURIComponent(`${message} ${absolute}`)}` },
    { label: 'Facebook', href: `https://www.facebook.com/sharer/sharer.php?u=${encodeURIComponent(absolute)}` },
    { label: 'X', href: `https://x.com/intent/post?text=${encodeURIComponent(message)}&url=${encodeURIComponent(absolute)}` },
    { label: 'Bluesky', href: `https://bsky.app/intent/compose?text=${encodeURIComponent(`${message} ${absolute}`)}` },
  ];
  return (
    <PublicPage site={site} section={null} title={`${props.heading} — ${petition.title}`}>
      <h1>{props.heading}</h1>
      {props.body.map((p, i) => (
        <p key={i}>{p}</p>
      ))}
      {petition.count !== null ? <ProgressBlock count={petition.count} goal={petition.goal} locale={site.locale} /> : null}
      {props.share ? (
        <section aria-labelledby="share-heading">
          <h2 id="share-heading">{t('petition.share.heading')}</h2>
          <p>
            {t('petition.share.link')} <a href={absolute}>{absolute}</a>
          </p>
          <ul className="share-links">
            {shares.map((share) => (
              <li key={share.label}>
                <a href={share.href} rel="noopener noreferrer" target="_blank">
                  {share.label}
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <p>
        <a href={petition.url}>{t('petition.back', { title: petition.title })}</a>
      </p>
    </PublicPage>
  );
}
