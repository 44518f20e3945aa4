import { PublicPage, type SiteModel } from './site-chrome.js';

export type CardFieldName = 'legal_name' | 'email' | 'phone' | 'worksite_id' | 'job_title' | 'agree' | 'updates' | 'signature' | 'card_text';

export type CardPageModel = {
  site: SiteModel;
  action: string;
  csrfToken: string;
  cardTitle: string;
  /** The card text split around `{employer}`; one part when the text names no employer. */
  cardTextParts: string[];
  /** When every school has the same employer, its name goes straight into the text. */
  singleEmployer: string | null;
  cardTextVersion: number;
  /** The language of the card text (the reader's when the campaign has an approved text in it). */
  cardTextLanguage: string;
  worksites: { id: string; name: string; employerName: string }[];
  values: Partial<Record<CardFieldName, string>>;
  problems: { field: string; reason: string }[];
};

function CardText(props: { parts: string[]; employer: string | null; placeholder: string }) {
  // Paragraphs are blank-line separated; {employer} is shown as the signer's employer (or, with
  // several employers, as a pointer to the school list, where each school's employer is named).
  const joined = props.parts.map((part, i) => ({ part, i }));
  const paragraphs: { key: string; pieces: { text: string; employerAfter: boolean }[] }[] = [{ key: 'p0', pieces: [] }];
  for (const { part, i } of joined) {
    const chunks = part.split(/\n{2,}/);
    chunks.forEach((chunk, c) => {
      if (c > 0) paragraphs.push({ key: `p${paragraphs.length}`, pieces: [] });
      paragraphs[paragraphs.length - 1]?.pieces.push({ text: chunk, employerAfter: c === chunks.length - 1 && i < props.parts.length - 1 });
    });
  }
  return (
    <>
      {paragraphs.map((p) => (
        <p key={p.key}>
          {p.pieces.map((piece, k) => (
            <span key={k}>
              {piece.text}
              {piece.employerAfter ? <strong className="employer">{props.employer ?? props.placeholder}</strong> : null}
            </span>
          ))}
        </p>
      ))}
    </>
  );
}

// The confidential card form. It works with JavaScript off (a plain POST), carries its CSRF token
// in a hidden field, and has no inline script or style (the CSP forbids both). Everything around
// the card is in the reader's language; the card's own text is shown exactly as the campaign
// versioned it, since that is what is signed and hashed.
export function CardPage(model: CardPageModel) {
  const { site } = model;
  const { t } = site.locale;
  const problem = (field: CardFieldName): string | undefined => model.problems.find((p) => p.field === field)?.reason;
  const v = model.values;
  const describedBy = (field: CardFieldName, hint?: string): string | undefined => [hint, problem(field) ? `${field}-error` : undefined].filter(Boolean).join(' ') || undefined;
  const error = (field: CardFieldName) =>
    problem(field) ? (
      <p className="field-error" id={`${field}-error`}>
        {problem(field)}
      </p>
    ) : null;
  return (
    <PublicPage site={site} section={null} title={t('card.title')} description={t('card.description')}>
      <div className="card-form">
        <h1>{t('card.heading')}</h1>
        <p className="confidential">
          <strong>{t('card.confidentialLead')}</strong> {t('card.confidential')}
        </p>
        {model.problems.length > 0 ? (
          <div className="error-summary" role="alert" aria-labelledby="error-summary-title">
            <h2 id="error-summary-title">{t('card.errorsHeading')}</h2>
            <ul>
              {model.problems.map((p) => (
                <li key={p.field}>
                  <a href={`#${p.field === 'card_text' ? 'card-text' : p.field}`}>{p.reason}</a>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        {/* Cards are signed on shared staff-room computers: the browser must not offer, or remember, one signer's name and contact to the next. */}
        <form method="post" action={model.action} noValidate autoComplete="off">
          <input type="hidden" name="_csrf" value={model.csrfToken} />
          <input type="hidden" name="card_text_version" value={String(model.cardTextVersion)} />
          <p className="hint">{t('card.textAsWritten')}</p>
          <section className="card-text" id="card-text" aria-labelledby="card-title" lang={model.cardTextLanguage === site.locale.lang ? undefined : model.cardTextLanguage}>
            <h2 id="card-title">{model.cardTitle}</h2>
            <CardText parts={model.cardTextParts} employer={model.singleEmployer} placeholder={t('card.employerPlaceholder')} />
          </section>

          <label htmlFor="legal_name">{t('card.field.legal_name')}</label>
          <input id="legal_name" name="legal_name" autoComplete="off" required defaultValue={v.legal_name} aria-describedby={describedBy('legal_name')} aria-invalid={problem('legal_name') ? true : undefined} />
          {error('legal_name')}

          <label htmlFor="email">{t('card.field.email')}</label>
          <p className="hint" id="email-hint">
            {t('card.field.emailHint')}
          </p>
          <input id="email" name="email" type="email" autoComplete="off" required defaultValue={v.email} aria-describedby={describedBy('email', 'email-hint')} aria-invalid={problem('email') ? true : undefined} />
          {error('email')}

          <label htmlFor="phone">{t('card.field.phone')}</label>
          <input id="phone" name="phone" type="tel" autoComplete="off" required defaultValue={v.phone} aria-describedby={describedBy('phone')} aria-invalid={problem('phone') ? true : undefined} />
          {error('phone')}

          <label htmlFor="worksite_id">{t('card.field.school')}</label>
          <select id="worksite_id" name="worksite_id" required defaultValue={v.worksite_id ?? ''} aria-describedby={describedBy('worksite_id')} aria-invalid={problem('worksite_id') ? true : undefined}>
            <option value="">{t('card.field.chooseSchool')}</option>
            {model.worksites.map((w) => (
              <option key={w.id} value={w.id}>
                {model.singleEmployer ? w.name : t('card.field.schoolWithEmployer', { school: w.name, employer: w.employerName })}
              </option>
            ))}
          </select>
          {error('worksite_id')}

          <label htmlFor="job_title">{t('card.field.job_title')}</label>
          <input id="job_title" name="job_title" autoComplete="off" required defaultValue={v.job_title} aria-describedby={describedBy('job_title')} aria-invalid={problem('job_title') ? true : undefined} />
          {error('job_title')}

          <div className="hp" aria-hidden="true">
            <label htmlFor="website">{t('card.field.honeypot')}</label>
            <input id="website" name="website" tabIndex={-1} autoComplete="off" defaultValue="" />
          </div>

          <div className="agree">
            <input id="agree" name="agree" type="checkbox" value="yes" required defaultChecked={v.agree === 'yes'} aria-describedby={describedBy('agree')} />
            <label htmlFor="agree">{t('card.field.agree')}</label>
          </div>
          {error('agree')}

          {/* Optional and unticked: agreeing to updates is never a condition of the card. */}
          <div className="agree">
            <input id="updates" name="updates" type="checkbox" value="yes" defaultChecked={v.updates === 'yes'} />
            <label htmlFor="updates">{t('card.field.updates')}</label>
          </div>

          <label htmlFor="signature">{t('card.field.signature')}</label>
          <input
            id="signature"
            name="signature"
            autoComplete="off"
            required
            defaultValue={v.signature}
            aria-describedby={describedBy('signature', 'signature-note')}
            aria-invalid={problem('signature') ? true : undefined}
          />
          {error('signature')}
          <p className="hint" id="signature-note">
            {t('card.signatureNote')}
          </p>

          <button className="button" type="submit">
            {t('card.submit')}
          </button>
        </form>
      </div>
    </PublicPage>
  );
}

const homeOf = (site: SiteModel): string => (site.base === '' ? '/' : site.base);

/** The same page for every signer, first-time or not: it says nothing about anyone. */
export function CardThanksPage(model: { site: SiteModel }) {
  const { t } = model.site.locale;
  return (
    <PublicPage site={model.site} section={null} title={t('card.thanks.title')}>
      <h1>{t('card.thanks.heading')}</h1>
      <p>{t('card.thanks.body')}</p>
      <p>{t('card.thanks.spam')}</p>
      <p>
        <a href={homeOf(model.site)}>{t('card.back')}</a>
      </p>
    </PublicPage>
  );
}

export function CardsClosedPage(model: { site: SiteModel }) {
  const { t } = model.site.locale;
  return (
    <PublicPage site={model.site} section={null} title={t('card.closed.heading')}>
      <h1>{t('card.closed.heading')}</h1>
      <p>{t('card.closed.body')}</p>
      <p>
        <a href={homeOf(model.site)}>{t('card.back')}</a>
      </p>
    </PublicPage>
  );
}

/** What a signer sees when the form could not be taken (expired form, blocked cookies, too many tries). */
export function CardProblemPage(model: { site: SiteModel; formUrl: string; title: string; message: string }) {
  const { t } = model.site.locale;
  return (
    <PublicPage site={model.site} section={null} title={model.title}>
      <h1>{model.title}</h1>
      <p>{model.message}</p>
      <p>{t('card.problem.nothingRecorded')}</p>
      <p>
        <a className="button" href={model.formUrl}>
          {t('card.problem.back')}
        </a>
      </p>
    </PublicPage>
  );
}
