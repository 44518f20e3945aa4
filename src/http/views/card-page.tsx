import { Layout } from './layout.js';

export type CardFieldName = 'legal_name' | 'email' | 'phone' | 'worksite_id' | 'job_title' | 'agree' | 'signature' | 'card_text';

export type CardPageModel = {
  campaignName: string;
  homeUrl: string;
  action: string;
  csrfToken: string;
  cardTitle: string;
  /** The card text split around `{employer}`; one part when the text names no employer. */
  cardTextParts: string[];
  /** When every school has the same employer, its name goes straight into the text. */
  singleEmployer: string | null;
  cardTextVersion: number;
  worksites: { id: string; name: string; employerName: string }[];
  values: Partial<Record<CardFieldName, string>>;
  problems: { field: string; reason: string }[];
};

function CardText(props: { parts: string[]; employer: string | null }) {
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
              {piece.employerAfter ? <strong className="employer">{props.employer ?? '[the employer of the school you choose below]'}</strong> : null}
            </span>
          ))}
        </p>
      ))}
    </>
  );
}

// The confidential card form. It works with JavaScript off (a plain POST), carries its CSRF token
// in a hidden field, and has no inline script or style (the CSP forbids both).
export function CardPage(model: CardPageModel) {
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
    <Layout title={`Sign your card — ${model.campaignName}`} lang="en" description="Confidential: sign your union support card.">
      <header className="site-header">
        <a className="brand" href={model.homeUrl}>
          {model.campaignName}
        </a>
      </header>
      <main className="card-form">
        <h1>Sign your union card</h1>
        <p className="confidential">
          <strong>Confidential.</strong> Your card goes only to the organizing committee and, if we file, to the labor board. Your employer never sees
          who signed.
        </p>
        {model.problems.length > 0 ? (
          <div className="error-summary" role="alert" aria-labelledby="error-summary-title">
            <h2 id="error-summary-title">Please check the form</h2>
            <ul>
              {model.problems.map((p) => (
                <li key={p.field}>
                  <a href={`#${p.field === 'card_text' ? 'card-text' : p.field}`}>{p.reason}</a>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        <form method="post" action={model.action} noValidate>
          <input type="hidden" name="_csrf" value={model.csrfToken} />
          <input type="hidden" name="card_text_version" value={String(model.cardTextVersion)} />
          <section className="card-text" id="card-text" aria-labelledby="card-title">
            <h2 id="card-title">{model.cardTitle}</h2>
            <CardText parts={model.cardTextParts} employer={model.singleEmployer} />
          </section>

          <label htmlFor="legal_name">Full legal name</label>
          <input id="legal_name" name="legal_name" autoComplete="name" required defaultValue={v.legal_name} aria-describedby={describedBy('legal_name')} aria-invalid={problem('legal_name') ? true : undefined} />
          {error('legal_name')}

          <label htmlFor="email">Personal email</label>
          <p className="hint" id="email-hint">
            Not your work email: your employer can read it. Your confirmation goes here.
          </p>
          <input id="email" name="email" type="email" autoComplete="email" required defaultValue={v.email} aria-describedby={describedBy('email', 'email-hint')} aria-invalid={problem('email') ? true : undefined} />
          {error('email')}

          <label htmlFor="phone">Phone</label>
          <input id="phone" name="phone" type="tel" autoComplete="tel" required defaultValue={v.phone} aria-describedby={describedBy('phone')} aria-invalid={problem('phone') ? true : undefined} />
          {error('phone')}

          <label htmlFor="worksite_id">School</label>
          <select id="worksite_id" name="worksite_id" required defaultValue={v.worksite_id ?? ''} aria-describedby={describedBy('worksite_id')} aria-invalid={problem('worksite_id') ? true : undefined}>
            <option value="">Choose your school…</option>
            {model.worksites.map((w) => (
              <option key={w.id} value={w.id}>
                {model.singleEmployer ? w.name : `${w.name} (employer: ${w.employerName})`}
              </option>
            ))}
          </select>
          {error('worksite_id')}

          <label htmlFor="job_title">Job title</label>
          <input id="job_title" name="job_title" autoComplete="organization-title" required defaultValue={v.job_title} aria-describedby={describedBy('job_title')} aria-invalid={problem('job_title') ? true : undefined} />
          {error('job_title')}

          <div className="hp" aria-hidden="true">
            <label htmlFor="website">Leave this field empty</label>
            <input id="website" name="website" tabIndex={-1} autoComplete="off" defaultValue="" />
          </div>

          <div className="agree">
            <input id="agree" name="agree" type="checkbox" value="yes" required defaultChecked={v.agree === 'yes'} aria-describedby={describedBy('agree')} />
            <label htmlFor="agree">I have read the card above and I agree to it.</label>
          </div>
          {error('agree')}

          <label htmlFor="signature">Signature: type your full legal name</label>
          <input id="signature" name="signature" autoComplete="off" required defaultValue={v.signature} aria-describedby={describedBy('signature')} aria-invalid={problem('signature') ? true : undefined} />
          {error('signature')}

          <button className="button" type="submit">
            Sign my card
          </button>
        </form>
      </main>
      <footer>
        <p>Typing your name and pressing “Sign my card” is your electronic signature. The date and time are recorded with your card.</p>
      </footer>
    </Layout>
  );
}

/** The same page for every signer, first-time or not: it says nothing about anyone. */
export function CardThanksPage(model: { campaignName: string; homeUrl: string }) {
  return (
    <Layout title={`Thank you — ${model.campaignName}`} lang="en">
      <header className="site-header">
        <a className="brand" href={model.homeUrl}>
          {model.campaignName}
        </a>
      </header>
      <main>
        <h1>Thank you for signing</h1>
        <p>Your card is recorded. A confirmation restating what you signed is on its way to the personal email you gave.</p>
        <p>If it does not arrive within an hour, check your spam folder, or talk to an organizer you trust.</p>
        <p>
          <a href={model.homeUrl}>Back to the campaign</a>
        </p>
      </main>
    </Layout>
  );
}

export function CardsClosedPage(model: { campaignName: string; homeUrl: string }) {
  return (
    <Layout title={model.campaignName} lang="en">
      <main>
        <h1>Cards are not open yet</h1>
        <p>This campaign is not collecting cards online yet. Talk to an organizer.</p>
        <p>
          <a href={model.homeUrl}>Back to the campaign</a>
        </p>
      </main>
    </Layout>
  );
}

/** What a signer sees when the form could not be taken (expired form, blocked cookies, too many tries). */
export function CardProblemPage(model: { campaignName: string; homeUrl: string; formUrl: string; title: string; message: string }) {
  return (
    <Layout title={`${model.title} — ${model.campaignName}`} lang="en">
      <header className="site-header">
        <a className="brand" href={model.homeUrl}>
          {model.campaignName}
        </a>
      </header>
      <main>
        <h1>{model.title}</h1>
        <p>{model.message}</p>
        <p>Nothing was recorded.</p>
        <p>
          <a className="button" href={model.formUrl}>
            Back to the card
          </a>
        </p>
      </main>
    </Layout>
  );
}
