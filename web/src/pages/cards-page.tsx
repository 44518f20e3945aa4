import { useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { ErrorNotice, SuccessNotice } from '../components/error-notice.js';
import { Field } from '../components/field.js';
import { PageHeader } from '../components/page-header.js';
import { EmptyState, LoadError, Loading } from '../components/status.js';
import { api, ApiError, campaignPath, query } from '../lib/api.js';
import type { CardDetail, CardStatus, CardSummary, CardText, ReviewCard, RosterPerson } from '../lib/api-types.js';
import { useCampaign } from '../lib/campaign.js';
import { formatDate, formatDateTime, formatNumber, plural, todayIso } from '../lib/format.js';
import { Link, matchPath, useLocation } from '../lib/router.js';
import { useApi } from '../lib/use-api.js';

const statusLabels: Record<CardStatus, string> = { valid: 'Valid', not_yet_signed: 'Not yet signed', expired: 'Expired', revoked: 'Revoked' };
const matchLabels: Record<CardSummary['match']['status'], string> = { matched: 'Matched', resolved: 'Matched by hand', unmatched: 'No match', ambiguous: 'Several matches' };

function StatusBadge(props: { status: CardStatus }) {
  return <span className={`card-status status-${props.status}`}>{statusLabels[props.status]}</span>;
}

// Cards: the list, one card, the review queue and paper-card entry, at /app/c/<slug>/cards[/…].
export function CardsPage() {
  const campaign = useCampaign();
  const { pathname } = useLocation();
  const base = `/app/c/${encodeURIComponent(campaign.slug)}/cards`;
  const rest = matchPath('/app/c/:slug/cards/:sub', pathname)?.sub ?? '';
  const canEnter = campaign.can('cards.enter');
  const tabs = [
    { to: base, label: 'All cards', current: rest === '' },
    ...(canEnter
      ? [
          { to: `${base}/review`, label: 'Review queue', current: rest === 'review' },
          { to: `${base}/paper`, label: 'Enter a paper card', current: rest === 'paper' },
        ]
      : []),
  ];
  const nav = (
    <ul className="sub-nav" aria-label="Cards">
      {tabs.map((t) => (
        <li key={t.to}>
          <Link to={t.to} aria-current={t.current ? 'page' : undefined}>
            {t.label}
          </Link>
        </li>
      ))}
    </ul>
  );
  if (rest === 'review' && canEnter) return <ReviewQueue nav={nav} />;
  if (rest === 'paper' && canEnter) return <PaperCardForm nav={nav} base={base} />;
  if (rest !== '' && rest !== 'review' && rest !== 'paper') return <CardView nav={nav} cardId={rest} base={base} />;
  return <CardList nav={nav} base={base} />;
}

const privacy = (
  <p className="privacy-note">
    <strong>Opening cards is logged</strong> with your name and the time. Who signed is the most sensitive fact in the campaign: never share it outside the committee.
  </p>
);

function CardList(props: { nav: ReactNode; base: string }) {
  const campaign = useCampaign();
  const [match, setMatch] = useState('');
  const [school, setSchool] = useState('');
  const schools = campaign.worksitesFor('cards.view');
  const { data, error, loading, reload } = useApi<{ asOf: string; cards: CardSummary[] }>(campaignPath(campaign.slug, `/cards${query({ match, worksite: school, limit: 1000 })}`));
  return (
    <>
      <PageHeader title="Cards" intro={privacy} />
      {props.nav}
      <form className="filters" onSubmit={(e) => e.preventDefault()}>
        <Field label="Match to the roster">
          {(control) => (
            <select {...control} value={match} onChange={(e) => setMatch(e.target.value)}>
              <option value="">All</option>
              <option value="matched">Matched</option>
              <option value="resolved">Matched by hand</option>
              <option value="review">Waiting for review</option>
            </select>
          )}
        </Field>
        {schools.length > 1 ? (
          <Field label="School">
            {(control) => (
              <select {...control} value={school} onChange={(e) => setSchool(e.target.value)}>
                <option value="">All schools</option>
                {schools.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
        ) : null}
      </form>
      {error ? <LoadError error={error} retry={reload} /> : null}
      {loading && !data ? <Loading label="Loading cards…" /> : null}
      {data && data.cards.length === 0 ? <EmptyState title="No cards here yet." /> : null}
      {data && data.cards.length > 0 ? (
        <>
          <p className="result-count" role="status">
            {plural(data.cards.length, 'card', 'cards')}; status as of {formatDate(data.asOf)}.
          </p>
          <div className="table-wrap">
            <table className="data-table">
              <caption className="visually-hidden">Signed cards</caption>
              <thead>
                <tr>
                  <th scope="col">Signer</th>
                  <th scope="col">School</th>
                  <th scope="col">Signed</th>
                  <th scope="col">Kind</th>
                  <th scope="col">Status</th>
                  <th scope="col">Roster</th>
                </tr>
              </thead>
              <tbody>
                {data.cards.map((c) => (
                  <tr key={c.id}>
                    <th scope="row" data-label="Signer">
                      <Link to={`${props.base}/${c.id}`}>{c.signerName}</Link>
                    </th>
                    <td data-label="School">{c.worksiteName}</td>
                    <td data-label="Signed">{formatDate(c.signedOn)}</td>
                    <td data-label="Kind">{c.source === 'paper' ? 'Paper' : 'Electronic'}</td>
                    <td data-label="Status">
                      <StatusBadge status={c.status} />
                    </td>
                    <td data-label="Roster">{c.match.personName ? `${matchLabels[c.match.status]}: ${c.match.personName}` : matchLabels[c.match.status]}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
    </>
  );
}

function CardView(props: { nav: ReactNode; cardId: string; base: string }) {
  const campaign = useCampaign();
  const { data, error, loading, reload } = useApi<{ card: CardDetail }>(campaignPath(campaign.slug, `/cards/${encodeURIComponent(props.cardId)}`));
  const [reason, setReason] = useState('');
  const [effectiveOn, setEffectiveOn] = useState('');
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const card = data?.card;

  async function revoke(e: FormEvent) {
    e.preventDefault();
    setSaving(true);
    setProblem(null);
    try {
      const res = await api.post<{ revokedOn: string }>(campaignPath(campaign.slug, `/cards/${encodeURIComponent(props.cardId)}/revoke`), { reason, ...(effectiveOn ? { effectiveOn } : {}) });
      setDone(`Revoked from ${formatDate(res.revokedOn)}. The card itself is unchanged; the revocation is a new record.`);
      reload();
    } catch (err) {
      setProblem(err instanceof ApiError ? err : new ApiError(0, 'internal', 'Could not revoke the card.'));
    } finally {
      setSaving(false);
    }
  }

  return (
    <>
      <PageHeader title={card ? `Card: ${card.signerName}` : 'Card'} intro={privacy} />
      {props.nav}
      {error ? <LoadError error={error} retry={reload} /> : null}
      {loading && !data ? <Loading /> : null}
      {card ? (
        <>
          {done ? <SuccessNotice>{done}</SuccessNotice> : null}
          <section className="editor" aria-labelledby="card-facts">
            <h2 id="card-facts">
              What was signed <StatusBadge status={card.status} />
            </h2>
            <dl className="message-meta">
              <div><dt>Name</dt><dd>{card.signerName}</dd></div>
              <div><dt>Email</dt><dd>{card.email ?? '—'}</dd></div>
              <div><dt>Phone</dt><dd>{card.phone ?? '—'}</dd></div>
              <div><dt>Employer</dt><dd>{card.employerName}</dd></div>
              <div><dt>School</dt><dd>{card.worksiteName}</dd></div>
              <div><dt>Job title</dt><dd>{card.jobTitle}</dd></div>
              {card.employeeId ? <div><dt>Employee ID</dt><dd>{card.employeeId}</dd></div> : null}
              <div><dt>Signed</dt><dd>{formatDate(card.signedOn)}{card.signedAt ? ` (${formatDateTime(card.signedAt)}, typed signature “${card.typedSignature ?? ''}”)` : ' (paper card)'}</dd></div>
              <div><dt>Valid until</dt><dd>{formatDate(card.expiresOn)} (not included)</dd></div>
              {card.revokedOn ? <div><dt>Revoked</dt><dd>from {formatDate(card.revokedOn)}: {card.revocationReason}</dd></div> : null}
              <div><dt>Roster</dt><dd>{card.match.personName ? `${matchLabels[card.match.status]}: ${card.match.personName}` : matchLabels[card.match.status]}{card.match.method ? ` (by ${card.match.method.replace('_', ' + ')})` : ''}</dd></div>
              {card.ip ? <div><dt>Signed from</dt><dd>{card.ip}, {card.userAgent ?? 'unknown browser'}</dd></div> : null}
            </dl>
            <h3>Card text (version {card.cardTextVersion})</h3>
            <p className="card-text-block">{card.cardText}</p>
            <h3>Integrity</h3>
            <p>
              SHA-256 of the signed content: <span className="hash">{card.contentHash}</span>
            </p>
            <p className={card.hashVerified ? 'notice notice-success' : 'notice notice-error'}>
              {card.hashVerified ? 'The stored content still matches its hash.' : 'The stored content does NOT match its hash: this card was altered after signing.'}
            </p>
            <h3>Confirmation</h3>
            <p>
              {card.confirmation
                ? `Sent to ${card.confirmation.to}, recorded ${formatDateTime(card.confirmation.createdAt)}${card.confirmation.error ? ` (delivery failed: ${card.confirmation.error})` : ''}.`
                : 'No confirmation (no email on the card).'}
            </p>
            {card.scan ? (
              <p>
                Scan: <a href={campaignPath(campaign.slug, `/cards/${card.id}/scan`)}>{card.scan.filename}</a> ({formatNumber(card.scan.byteSize)} bytes, SHA-256{' '}
                <span className="hash">{card.scan.sha256}</span>)
              </p>
            ) : null}
          </section>
          {campaign.can('cards.enter') && !card.revokedOn ? (
            <form className="editor form" onSubmit={revoke} aria-labelledby="revoke-heading">
              <h2 id="revoke-heading">Revoke this card</h2>
              <p>When a signer asks to withdraw. The card stays on record; it stops counting from the date you give.</p>
              <ErrorNotice error={problem} />
              <Field label="Reason" error={problem?.fieldReason('reason')}>
                {(control) => <input {...control} value={reason} onChange={(e) => setReason(e.target.value)} required />}
              </Field>
              <Field label="Effective from" hint="Leave empty for today." error={problem?.fieldReason('effectiveOn')}>
                {(control) => <input {...control} type="date" value={effectiveOn} max={todayIso()} onChange={(e) => setEffectiveOn(e.target.value)} />}
              </Field>
              <div className="form-actions">
                <button type="submit" className="button-primary" disabled={saving}>
                  Revoke
                </button>
              </div>
            </form>
          ) : null}
        </>
      ) : null}
    </>
  );
}

function ReviewQueue(props: { nav: ReactNode }) {
  const campaign = useCampaign();
  const { data, error, loading, reload } = useApi<{ cards: ReviewCard[] }>(campaignPath(campaign.slug, '/cards/review'));
  const [picking, setPicking] = useState<string | null>(null);
  const roster = useApi<{ people: RosterPerson[] }>(picking ? campaignPath(campaign.slug, '/people') : null);
  const [chosen, setChosen] = useState('');
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [done, setDone] = useState<string | null>(null);

  async function resolve(cardId: string, personId: string, name: string) {
    setProblem(null);
    try {
      await api.post(campaignPath(campaign.slug, `/cards/${cardId}/match`), { personId });
      setDone(`Matched to ${name}.`);
      setPicking(null);
      setChosen('');
      reload();
    } catch (err) {
      setProblem(err instanceof ApiError ? err : new ApiError(0, 'internal', 'Could not save the match.'));
    }
  }

  return (
    <>
      <PageHeader title="Review queue" intro={<p>Cards that match no one on the roster, or several people. Decide who signed; each decision is logged.</p>} />
      {props.nav}
      {done ? <SuccessNotice>{done}</SuccessNotice> : null}
      <ErrorNotice error={problem} />
      {error ? <LoadError error={error} retry={reload} /> : null}
      {loading && !data ? <Loading /> : null}
      {data && data.cards.length === 0 ? <EmptyState title="Nothing to review." /> : null}
      {data?.cards.map((c) => {
        const sameSchool = (roster.data?.people ?? []).filter((p) => p.worksiteId === c.worksiteId);
        return (
          <section key={c.id} className="editor" aria-labelledby={`review-${c.id}`}>
            <h2 id={`review-${c.id}`}>
              {c.signerName} <span className="subtle">{matchLabels[c.match.status]}</span>
            </h2>
            <p>
              {c.worksiteName} · {c.jobTitle} · signed {formatDate(c.signedOn)} · {c.email ?? 'no email'}
              {c.employeeId ? ` · employee ID ${c.employeeId}` : ''}
            </p>
            {c.candidates.length > 0 ? (
              <ul className="candidates">
                {c.candidates.map((p) => (
                  <li key={p.personId}>
                    <span>
                      {p.name} ({p.worksiteName ?? 'no school'}{p.employeeId ? `, ${p.employeeId}` : ''})
                    </span>
                    <button type="button" className="button-secondary" onClick={() => void resolve(c.id, p.personId, p.name)}>
                      This is them
                    </button>
                  </li>
                ))}
              </ul>
            ) : null}
            {picking === c.id ? (
              <form
                className="inline-form"
                onSubmit={(e) => {
                  e.preventDefault();
                  const p = sameSchool.find((x) => x.personId === chosen);
                  if (p) void resolve(c.id, p.personId, `${p.givenName} ${p.familyName}`);
                }}
              >
                {roster.loading ? <Loading label="Loading the roster…" /> : null}
                <Field label={`Someone at ${c.worksiteName}`}>
                  {(control) => (
                    <select {...control} value={chosen} onChange={(e) => setChosen(e.target.value)}>
                      <option value="">Choose…</option>
                      {sameSchool.map((p) => (
                        <option key={p.personId} value={p.personId}>
                          {p.familyName}, {p.givenName}
                        </option>
                      ))}
                    </select>
                  )}
                </Field>
                <button type="submit" className="button-primary" disabled={!chosen}>
                  Match
                </button>
              </form>
            ) : (
              <button type="button" className="button-link" onClick={() => setPicking(c.id)}>
                Find the person on the roster…
              </button>
            )}
          </section>
        );
      })}
    </>
  );
}

async function fileToBase64(file: File): Promise<string> {
  const buffer = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < buffer.length; i += 0x8000) binary += String.fromCharCode(...buffer.subarray(i, i + 0x8000));
  return btoa(binary);
}

function PaperCardForm(props: { nav: ReactNode; base: string }) {
  const campaign = useCampaign();
  const texts = useApi<{ cardTexts: CardText[] }>(campaignPath(campaign.slug, '/card-texts'));
  const [form, setForm] = useState({ signerName: '', email: '', phone: '', worksiteId: '', jobTitle: '', employeeId: '', signedOn: '', cardTextVersion: '' });
  const [file, setFile] = useState<File | null>(null);
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState<{ id: string; match: string } | null>(null);
  const schools = campaign.detail.worksites;
  const versions = useMemo(() => texts.data?.cardTexts ?? [], [texts.data]);
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [key]: e.target.value }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    setProblem(null);
    if (!file) {
      setProblem(new ApiError(400, 'validation_failed', 'Attach the scan of the signed card.', [{ field: 'scan', reason: 'is required' }]));
      return;
    }
    setSaving(true);
    try {
      const res = await api.post<{ card: { id: string; match: { status: string } } }>(campaignPath(campaign.slug, '/cards/paper'), {
        signerName: form.signerName,
        email: form.email || null,
        phone: form.phone || null,
        worksiteId: form.worksiteId,
        jobTitle: form.jobTitle,
        employeeId: form.employeeId || null,
        signedOn: form.signedOn,
        cardTextVersion: Number(form.cardTextVersion || versions[0]?.version || 1),
        scan: { filename: file.name, contentType: file.type || 'application/octet-stream', dataBase64: await fileToBase64(file) },
      });
      setSaved({ id: res.card.id, match: res.card.match.status });
      setForm({ signerName: '', email: '', phone: '', worksiteId: form.worksiteId, jobTitle: '', employeeId: '', signedOn: form.signedOn, cardTextVersion: form.cardTextVersion });
      setFile(null);
    } catch (err) {
      setProblem(err instanceof ApiError ? err : new ApiError(0, 'internal', 'Could not save the card.'));
    } finally {
      setSaving(false);
    }
  }

  return (
    <>
      <PageHeader title="Enter a paper card" intro={<p>Type what is written on the card and attach its scan (PDF or image, up to 10 MB). The card cannot be edited afterwards.</p>} />
      {props.nav}
      {saved ? (
        <SuccessNotice>
          <p>
            Card saved ({saved.match === 'matched' ? 'matched to the roster' : 'waiting for review: it matched no one, or several people'}).{' '}
            <Link to={`${props.base}/${saved.id}`}>Open it</Link>
          </p>
        </SuccessNotice>
      ) : null}
      <form className="form" onSubmit={submit} noValidate>
        <ErrorNotice error={problem} />
        <Field label="Name as written" error={problem?.fieldReason('signerName')}>
          {(control) => <input {...control} value={form.signerName} onChange={set('signerName')} required />}
        </Field>
        <Field label="School" error={problem?.fieldReason('worksiteId')}>
          {(control) => (
            <select {...control} value={form.worksiteId} onChange={set('worksiteId')} required>
              <option value="">Choose…</option>
              {schools.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Job title" error={problem?.fieldReason('jobTitle')}>
          {(control) => <input {...control} value={form.jobTitle} onChange={set('jobTitle')} required />}
        </Field>
        <Field label="Date signed (as written)" error={problem?.fieldReason('signedOn')}>
          {(control) => <input {...control} type="date" max={todayIso()} value={form.signedOn} onChange={set('signedOn')} required />}
        </Field>
        <Field label="Personal email (if given)" hint="A confirmation is sent to it." error={problem?.fieldReason('email')}>
          {(control) => <input {...control} type="email" value={form.email} onChange={set('email')} />}
        </Field>
        <Field label="Phone (if given)" error={problem?.fieldReason('phone')}>
          {(control) => <input {...control} value={form.phone} onChange={set('phone')} />}
        </Field>
        <Field label="Employee ID (if given)" error={problem?.fieldReason('employeeId')}>
          {(control) => <input {...control} value={form.employeeId} onChange={set('employeeId')} />}
        </Field>
        {versions.length > 1 ? (
          <Field label="Card text printed on the card" error={problem?.fieldReason('cardTextVersion')}>
            {(control) => (
              <select {...control} value={form.cardTextVersion} onChange={set('cardTextVersion')}>
                {versions.map((v) => (
                  <option key={v.id} value={v.version}>
                    Version {v.version}: {v.title}
                  </option>
                ))}
              </select>
            )}
          </Field>
        ) : null}
        <Field label="Scan of the signed card" error={problem?.fieldReason('scan') ?? problem?.fieldReason('scan.contentType') ?? problem?.fieldReason('scan.dataBase64')}>
          {(control) => <input {...control} type="file" accept="application/pdf,image/jpeg,image/png,image/webp,image/tiff" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />}
        </Field>
        <div className="form-actions">
          <button type="submit" className="button-primary" disabled={saving}>
            {saving ? 'Saving…' : 'Save the card'}
          </button>
        </div>
      </form>
    </>
  );
}
