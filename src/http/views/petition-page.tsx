import { Layout } from './layout.js';

export const relationshipLabels = {
  parent: 'Parent or guardian of a student',
  alumnus: 'Alumna or alumnus',
  student: 'Student',
  educator_elsewhere: 'Educator at another school',
  neighbor: 'Neighbor',
  other: 'Other supporter',
} as const;

export type PetitionView = {
  campaignName: string;
  homeUrl: string;
  actionUrl: string;
  title: string;
  text: string;
  target: string;
  goal: number;
  count: number;
  signers: { givenName: string; familyInitial: string; relationship: keyof typeof relationshipLabels; city: string | null }[];
};

export type PetitionFormState = {
  csrfToken: string;
  /** JSON of the ALTCHA challenge; the page's script solves it, without JavaScript it stays empty. */
  challenge: string;
  values: Partial<Record<'given_name' | 'family_name' | 'email' | 'zip' | 'city' | 'relationship' | 'comment' | 'show_publicly', string>>;
  errors: Partial<Record<string, string>>;
};

const fmt = (n: number): string => n.toLocaleString('en-US');

function Header(props: { campaignName: string; homeUrl: string }) {
  return (
    <header className="site-header">
      <a className="brand" href={props.homeUrl}>
        {props.campaignName}
      </a>
    </header>
  );
}

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

function Field(props: { name: string; label: string; type?: string; required?: boolean; autoComplete?: string; hint?: string; state: PetitionFormState; inputMode?: 'numeric' }) {
  const error = props.state.errors[props.name];
  const describedBy = [props.hint ? `${props.name}-hint` : null, error ? `${props.name}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={error ? 'field field-error' : 'field'}>
      <label htmlFor={`f-${props.name}`}>
        {props.label}
        {props.required ? null : <span className="optional"> (optional)</span>}
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
        defaultValue={props.state.values[props.name as keyof PetitionFormState['values']] ?? ''}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
      />
    </div>
  );
}

function ProgressBlock(props: { count: number; goal: number }) {
  return (
    <section className="petition-progress" aria-labelledby="progress-heading">
      <h2 id="progress-heading" className="visually-hidden">
        Signatures so far
      </h2>
      <p className="petition-count">
        <strong>{fmt(props.count)}</strong> signatures of a goal of {fmt(props.goal)}
      </p>
      <progress max={Math.max(props.goal, 1)} value={Math.min(props.count, Math.max(props.goal, 1))} aria-label="Progress toward the goal">
        {Math.round((props.count / Math.max(props.goal, 1)) * 100)}%
      </progress>
    </section>
  );
}

export function PetitionPage(props: { petition: PetitionView; form: PetitionFormState }) {
  const { petition, form } = props;
  const errorEntries = Object.entries(form.errors).filter((e): e is [string, string] => typeof e[1] === 'string');
  const title = errorEntries.length > 0 ? `Error: ${petition.title}` : petition.title;
  return (
    <Layout title={`${title} — ${petition.campaignName}`} lang="en" description={petition.text.split(/\n{2,}/)[0]}>
      <Header campaignName={petition.campaignName} homeUrl={petition.homeUrl} />
      <main>
        <h1>{petition.title}</h1>
        <p className="petition-target">
          To: <strong>{petition.target}</strong>
        </p>
        <ProgressBlock count={petition.count} goal={petition.goal} />
        <section className="petition-text" aria-label="The petition">
          <Paragraphs text={petition.text} />
        </section>

        <section aria-labelledby="sign-heading" className="petition-form">
          <h2 id="sign-heading">Sign the petition</h2>
          {errorEntries.length > 0 ? (
            <div className="error-summary" role="alert" aria-labelledby="error-summary-heading">
              <h3 id="error-summary-heading">Please correct {errorEntries.length === 1 ? 'this field' : 'these fields'}</h3>
              <ul>
                {errorEntries.map(([field, message]) => (
                  <li key={field}>
                    <a href={`#f-${field}`}>{message}</a>
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          <form method="post" action={petition.actionUrl} id="petition-form" data-challenge={form.challenge} noValidate={errorEntries.length > 0 ? true : undefined}>
            <input type="hidden" name="_csrf" value={form.csrfToken} />
            <input type="hidden" name="altcha" value="" id="f-altcha" />
            <Field name="given_name" label="First name" required autoComplete="given-name" state={form} />
            <Field name="family_name" label="Last name" required autoComplete="family-name" state={form} />
            <Field name="email" label="Email" type="email" required autoComplete="email" hint="We send you a link to confirm your signature. We never show your email." state={form} />
            <Field name="zip" label="ZIP code" required autoComplete="postal-code" inputMode="numeric" state={form} />
            <Field name="city" label="City" autoComplete="address-level2" state={form} />
            <fieldset className={form.errors.relationship ? 'field field-error' : 'field'} aria-describedby={form.errors.relationship ? 'relationship-error' : undefined}>
              <legend>I am a…</legend>
              {form.errors.relationship ? (
                <p className="error" id="relationship-error">
                  {form.errors.relationship}
                </p>
              ) : null}
              {Object.entries(relationshipLabels).map(([value, label], i) => (
                <div className="choice" key={value}>
                  <input
                    type="radio"
                    name="relationship"
                    value={value}
                    id={i === 0 ? 'f-relationship' : `f-relationship-${value}`}
                    defaultChecked={form.values.relationship === value}
                    required
                  />
                  <label htmlFor={i === 0 ? 'f-relationship' : `f-relationship-${value}`}>{label}</label>
                </div>
              ))}
            </fieldset>
            <div className={form.errors.comment ? 'field field-error' : 'field'}>
              <label htmlFor="f-comment">
                Why are you signing?<span className="optional"> (optional)</span>
              </label>
              {form.errors.comment ? (
                <p className="error" id="comment-error">
                  {form.errors.comment}
                </p>
              ) : null}
              <textarea id="f-comment" name="comment" rows={3} maxLength={2000} defaultValue={form.values.comment ?? ''} aria-describedby={form.errors.comment ? 'comment-error' : undefined} />
            </div>
            <div className="choice">
              <input type="checkbox" name="show_publicly" value="yes" id="f-show_publicly" defaultChecked={form.values.show_publicly !== undefined && form.values.show_publicly !== ''} />
              <label htmlFor="f-show_publicly">Show my first name, last initial and city on this page</label>
            </div>
            {/* A field people never see or fill; software that fills every field does. */}
            <div className="hp" aria-hidden="true">
              <label htmlFor="f-website">Leave this field empty</label>
              <input type="text" name="website" id="f-website" tabIndex={-1} autoComplete="off" defaultValue="" />
            </div>
            <p className="form-status" id="petition-status" aria-live="polite"></p>
            <button type="submit" className="button">
              Sign the petition
            </button>
          </form>
        </section>

        {petition.signers.length > 0 ? (
          <section aria-labelledby="signers-heading" className="petition-signers">
            <h2 id="signers-heading">Recent signers</h2>
            <ul>
              {petition.signers.map((s, i) => (
                <li key={i}>
                  <strong>
                    {s.givenName} {s.familyInitial}.
                  </strong>{' '}
                  <span>
                    {relationshipLabels[s.relationship]}
                    {s.city ? `, ${s.city}` : ''}
                  </span>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
      </main>
      <script src="/assets/petition.js" defer></script>
    </Layout>
  );
}

export function PetitionNoticePage(props: { petition: Pick<PetitionView, 'campaignName' | 'homeUrl' | 'title' | 'goal'> & { petitionUrl: string; count: number | null }; heading: string; body: string[] }) {
  const { petition } = props;
  return (
    <Layout title={`${props.heading} — ${petition.title}`} lang="en">
      <Header campaignName={petition.campaignName} homeUrl={petition.homeUrl} />
      <main>
        <h1>{props.heading}</h1>
        {props.body.map((p, i) => (
          <p key={i}>{p}</p>
        ))}
        {petition.count !== null ? <ProgressBlock count={petition.count} goal={petition.goal} /> : null}
        <p>
          <a href={petition.petitionUrl}>Back to the petition: {petition.title}</a>
        </p>
      </main>
    </Layout>
  );
}
