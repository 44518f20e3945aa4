import { useMemo, useState } from 'react';
import { Link, NavLink, useParams } from 'react-router';
import { DataTable } from '../components/data-table.js';
import { ErrorNotice, SuccessNotice } from '../components/error-notice.js';
import { Field } from '../components/field.js';
import { PageHeader } from '../components/page-header.js';
import { ListStatus, Loading, QueryStatus } from '../components/status.js';
import { api, ApiError, campaignPath } from '../lib/api.js';
import type { CardDetail, CardNeed, CardState, CardStatus, CardSummary, CardText, ReviewCard, RosterPerson } from '../lib/api-types.js';
import { useCampaign } from '../lib/campaign.js';
import { formatDate, formatDateTime, formatNumber, plural, todayIso } from '../lib/format.js';
import { apiKey, onSubmit, useApiMutation, useApiQuery } from '../lib/query.js';

const statusLabels: Record<CardStatus, string> = { valid: 'Valid', not_yet_signed: 'Not yet signed', expired: 'Expired', revoked: 'Revoked' };
const matchLabels: Record<CardSummary['match']['status'], string> = { matched: 'Matched', resolved: 'Matched by hand', unmatched: 'No match', ambiguous: 'Several matches', dismissed: 'Not a roster person' };
export const stateLabels: Record<CardState, string> = {
  submitted: 'Submitted',
  confirmed: 'Confirmed by the signer',
  verified: 'Verified',
  disputed: 'Signer says not theirs',
  dismissed: 'Dismissed',
};
export const needLabels: Record<CardNeed, string> = {
  signer_answer: 'the signer’s answer to the confirmation (or a recorded reply)',
  roster_match: 'the roster person it is from',
  verification: 'a verification: in person, by phone, or a personal email you know is theirs',
};
export const methodLabels: Record<NonNullable<CardSummary['verification']>['method'], string> = {
  personal_contact_on_file: 'automatically: confirmed from the personal email on file',
  paper_entry: 'from the signed paper, at entry',
  in_person: 'in person',
  phone: 'by phone',
  known_personal_email: 'by a personal email known to be theirs',
};

function StatusBadge(props: { status: CardStatus }) {
  return <span className={`card-status status-${props.status}`}>{statusLabels[props.status]}</span>;
}

// Cards: the list, one card, the review queue and paper-card entry. Each is its own route under
// /app/c/<slug>/cards (the entry's sub-pages in navigation.ts).
export const cardsBase = (slug: string): string => `/app/c/${encodeURIComponent(slug)}/cards`;

/** Everything cached about the campaign's cards: the list, the review queue, each card. */
export const cardsKey = (slug: string) => apiKey(campaignPath(slug, '/cards'));

/** The tabs above every cards page; the router marks the open one (aria-current). */
export function CardsNav() {
  const campaign = useCampaign();
  const base = cardsBase(campaign.slug);
  const tabs = [
    { to: base, label: 'All cards' },
    { to: `${base}/waiting`, label: 'Waiting for verification' },
    ...(campaign.can('cards.enter')
      ? [
          { to: `${base}/review`, label: 'Review queue' },
          { to: `${base}/paper`, label: 'Enter a paper card' },
          { to: `${base}/texts`, label: 'Card text and email domains' },
        ]
      : []),
    ...(campaign.can('public.manage') ? [{ to: `${base}/public-numbers`, label: 'Public numbers' }] : []),
  ];
  return (
    <ul className="sub-nav" aria-label="Cards">
      {tabs.map((t) => (
        <li key={t.to}>
          <NavLink to={t.to} end>
            {t.label}
          </NavLink>
        </li>
      ))}
    </ul>
  );
}

const privacy = (
  <p className="privacy-note">
    <strong>Opening cards is logged</strong> with your name and the time. Who signed is the most sensitive fact in the campaign: never share it outside the committee.
  </p>
);

export function CardListPage() {
  const campaign = useCampaign();
  const base = cardsBase(campaign.slug);
  const [match, setMatch] = useState('');
  const [school, setSchool] = useState('');
  const schools = campaign.worksitesFor('cards.view');
  const list = useApiQuery<{ asOf: string; cards: CardSummary[] }>(campaignPath(campaign.slug, '/cards'), { params: { match, worksite: school, limit: 1000 }, keepPrevious: true });
  const { data } = list;
  return (
    <>
      <PageHeader
        title="Cards"
        intro={
          <>
            {privacy}
            <p>A card counts once verified (and while valid and not revoked). Cards waiting for the signer’s answer or for a verification are on their own page.</p>
          </>
        }
      />
      <CardsNav />
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
      <ListStatus query={list} count={data?.cards.length ?? 0} empty="No cards here yet." loading="Loading cards…" />
      {data && data.cards.length > 0 ? (
        <>
          <p className="result-count" role="status">
            {plural(data.cards.length, 'card', 'cards')}; status as of {formatDate(data.asOf)}.
          </p>
          <DataTable caption="Signed cards" columns={['Signer', 'School', 'Signed', 'Kind', 'State', 'Status', 'Roster']} busy={list.isFetching}>
            {data.cards.map((c) => (
              <tr key={c.id}>
                <th scope="row" data-label="Signer">
                  <Link to={`${base}/${c.id}`}>{c.signerName}</Link>
                </th>
                <td data-label="School">{c.worksiteName}</td>
                <td data-label="Signed">{formatDate(c.signedOn)}</td>
                <td data-label="Kind">{c.source === 'paper' ? 'Paper' : 'Electronic'}</td>
                <td data-label="State">{stateLabels[c.state]}</td>
                <td data-label="Status">
                  <StatusBadge status={c.status} />
                </td>
                <td data-label="Roster">{c.match.personName ? `${matchLabels[c.match.status]}: ${c.match.personName}` : matchLabels[c.match.status]}</td>
              </tr>
            ))}
          </DataTable>
        </>
      ) : null}
    </>
  );
}

/** One card: /cards/<id>. Keyed by the id, so opening another card starts with a clean form. */
export function CardPage() {
  const cardId = useParams().cardId ?? '';
  return <CardView key={cardId} cardId={cardId} />;
}

function CardView(props: { cardId: string }) {
  const campaign = useCampaign();
  const detail = useApiQuery<{ card: CardDetail }>(campaignPath(campaign.slug, `/cards/${encodeURIComponent(props.cardId)}`));
  const [reason, setReason] = useState('');
  const [effectiveOn, setEffectiveOn] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const card = detail.data?.card;
  const revoke = useApiMutation({
    mutationFn: () => api.post<{ revokedOn: string }>(campaignPath(campaign.slug, `/cards/${encodeURIComponent(props.cardId)}/revoke`), { reason, ...(effectiveOn ? { effectiveOn } : {}) }),
    fallback: 'Could not revoke the card.',
    invalidates: [cardsKey(campaign.slug), apiKey(campaignPath(campaign.slug, '/dashboard'))],
    onSuccess: (res) => setDone(`Revoked from ${formatDate(res.revokedOn)}. The card itself is unchanged; the revocation is a new record.`),
  });
  const problem = revoke.error;

  return (
    <>
      <PageHeader title={card ? `Card: ${card.signerName}` : 'Card'} intro={privacy} />
      <CardsNav />
      <QueryStatus query={detail} />
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
            <h3>Where it stands: {stateLabels[card.state]}</h3>
            <p>
              {card.signerAnswer
                ? `The signer answered “${card.signerAnswer.answer === 'signed' ? 'yes, I signed this card' : 'I did not sign this card'}” (${card.signerAnswer.method === 'link' ? 'by the link' : 'by reply'}) on ${formatDateTime(card.signerAnswer.answeredAt)}.`
                : 'The signer has not answered the confirmation.'}{' '}
              {card.verification
                ? `Verified ${methodLabels[card.verification.method]}${card.verification.verifiedBy ? ` by ${card.verification.verifiedBy}` : ''} on ${formatDateTime(card.verification.verifiedAt)}${card.verification.note ? ` (${card.verification.note})` : ''}.`
                : card.dismissal
                  ? `Dismissed: ${card.dismissal.reason}`
                  : ''}
            </p>
            {card.needs.length > 0 ? <p>Still needs: {card.needs.map((n) => needLabels[n]).join('; ')}.</p> : null}
            {card.needs.includes('verification') && campaign.can('cards.verify') ? <VerifyCardForm card={card} onVerified={() => setDone('Verified: the card now counts.')} /> : null}
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
            <form className="editor form" onSubmit={onSubmit(() => revoke.mutate())} aria-labelledby="revoke-heading">
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
                <button type="submit" className="button-primary" disabled={revoke.isPending}>
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

type Match = { cardId: string; personId: string; name: string };

/** Cards that match no one on the roster, or several people: /cards/review. */
export function ReviewQueuePage() {
  const campaign = useCampaign();
  const queue = useApiQuery<{ cards: ReviewCard[] }>(campaignPath(campaign.slug, '/cards/review'));
  const [picking, setPicking] = useState<string | null>(null);
  const roster = useApiQuery<{ people: RosterPerson[] }>(picking ? campaignPath(campaign.slug, '/people') : null);
  const [chosen, setChosen] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const match = useApiMutation<Match>({
    mutationFn: (m) => api.post(campaignPath(campaign.slug, `/cards/${m.cardId}/match`), { personId: m.personId }),
    fallback: 'Could not save the match.',
    invalidates: [cardsKey(campaign.slug)],
    onSuccess: (_result, m) => {
      setDone(`Matched to ${m.name}.`);
      setPicking(null);
      setChosen('');
    },
  });
  const resolve = (cardId: string, personId: string, name: string) => match.mutate({ cardId, personId, name });

  return (
    <>
      <PageHeader title="Review queue" intro={<p>Cards that match no one on the roster, or several people. Decide who signed; each decision is logged.</p>} />
      <CardsNav />
      {done ? <SuccessNotice>{done}</SuccessNotice> : null}
      <ErrorNotice error={match.error} />
      <ListStatus query={queue} count={queue.data?.cards.length ?? 0} empty="Nothing to review." />
      {queue.data?.cards.map((c) => {
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
                      {p.name} ({p.worksiteName ?? 'no school'}{p.employeeId ? `, ${p.employeeId}` : ''}){' '}
                      <span className="subtle">{p.reason === 'similar_name' ? `similar name${p.similarity === null ? '' : ` (${Math.round(p.similarity * 100)}%)`}` : `same ${p.reason.replace('_', ' + ')}`}</span>
                    </span>
                    <button type="button" className="button-secondary" onClick={() => resolve(c.id, p.personId, p.name)}>
                      This is them
                    </button>
                  </li>
                ))}
              </ul>
            ) : null}
            <DismissCardForm cardId={c.id} />
            {picking === c.id ? (
              <form
                className="inline-form"
                onSubmit={(e) => {
                  e.preventDefault();
                  const p = sameSchool.find((x) => x.personId === chosen);
                  if (p) resolve(c.id, p.personId, `${p.givenName} ${p.familyName}`);
                }}
              >
                {roster.isLoading ? <Loading label="Loading the roster…" /> : null}
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

/** Paper-card entry: /cards/paper. */
export function PaperCardPage() {
  const campaign = useCampaign();
  const base = cardsBase(campaign.slug);
  const texts = useApiQuery<{ cardTexts: CardText[] }>(campaignPath(campaign.slug, '/card-texts'));
  const [form, setForm] = useState({ signerName: '', email: '', phone: '', worksiteId: '', jobTitle: '', employeeId: '', signedOn: '', cardTextVersion: '' });
  const [file, setFile] = useState<File | null>(null);
  const [saved, setSaved] = useState<{ id: string; match: string } | null>(null);
  const schools = campaign.detail.worksites;
  const versions = useMemo(() => texts.data?.cardTexts ?? [], [texts.data]);
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [key]: e.target.value }));

  const save = useApiMutation({
    fallback: 'Could not save the card.',
    invalidates: [cardsKey(campaign.slug), apiKey(campaignPath(campaign.slug, '/dashboard'))],
    mutationFn: async () => {
      if (!file) throw new ApiError(400, 'validation_failed', 'Attach the scan of the signed card.', [{ field: 'scan', reason: 'is required' }]);
      return api.post<{ card: { id: string; match: { status: string }; state: string } }>(campaignPath(campaign.slug, '/cards/paper'), {
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
    },
    onSuccess: (res) => {
      setSaved({ id: res.card.id, match: res.card.state });
      setForm((f) => ({ signerName: '', email: '', phone: '', worksiteId: f.worksiteId, jobTitle: '', employeeId: '', signedOn: f.signedOn, cardTextVersion: f.cardTextVersion }));
      setFile(null);
    },
  });
  const problem = save.error;

  return (
    <>
      <PageHeader title="Enter a paper card" intro={<p>Type what is written on the card and attach its scan (PDF or image, up to 10 MB). The card cannot be edited afterwards.</p>} />
      <CardsNav />
      {saved ? (
        <SuccessNotice>
          <p>
            Card saved ({saved.match === 'verified' ? 'matched to the roster and verified by you from the paper: it counts' : 'waiting for review: it matched no one, or several people'}).{' '}
            <Link to={`${base}/${saved.id}`}>Open it</Link>
          </p>
        </SuccessNotice>
      ) : null}
      <form className="form" onSubmit={onSubmit(() => save.mutate())} noValidate>
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
          <button type="submit" className="button-primary" disabled={save.isPending}>
            {save.isPending ? 'Saving…' : 'Save the card'}
          </button>
        </div>
      </form>
    </>
  );
}

/**
 * Verify a card, saying how (an organizer, or a committee member at its school): the person it is
 * from (when the card matches no one, or several), and how you know it is theirs.
 */
export function VerifyCardForm(props: { card: Pick<CardSummary, 'id' | 'source' | 'match' | 'needs'>; onVerified: () => void }) {
  const campaign = useCampaign();
  const { card } = props;
  const [method, setMethod] = useState<'in_person' | 'phone' | 'known_personal_email' | 'paper_entry'>('in_person');
  const [note, setNote] = useState('');
  const [personId, setPersonId] = useState('');
  const needsPerson = card.needs.includes('roster_match');
  const roster = useApiQuery<{ people: RosterPerson[] }>(needsPerson ? campaignPath(campaign.slug, '/people') : null);
  const verify = useApiMutation({
    mutationFn: () => api.post(campaignPath(campaign.slug, `/cards/${encodeURIComponent(card.id)}/verification`), { method, note, ...(personId ? { personId } : {}) }),
    fallback: 'Could not verify the card.',
    invalidates: [cardsKey(campaign.slug), apiKey(campaignPath(campaign.slug, '/dashboard'))],
    // The card leaves the list it was in (and this form with it): the page says it was done.
    onSuccess: () => props.onVerified(),
  });
  return (
    <form className="inline-form" onSubmit={onSubmit(() => verify.mutate())} aria-label="Verify this card">
      <ErrorNotice error={verify.error} />
      {needsPerson ? (
        <Field label="Whose card is it?" error={verify.error?.fieldReason('personId')}>
          {(control) => (
            <select {...control} value={personId} onChange={(e) => setPersonId(e.target.value)}>
              <option value="">Choose…</option>
              {(roster.data?.people ?? []).map((p) => (
                <option key={p.personId} value={p.personId}>
                  {p.familyName}, {p.givenName}
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : null}
      <Field label="How you verified it" error={verify.error?.fieldReason('method')}>
        {(control) => (
          <select {...control} value={method} onChange={(e) => setMethod(e.target.value as typeof method)}>
            <option value="in_person">In person</option>
            <option value="phone">By phone</option>
            <option value="known_personal_email">A personal email I know is theirs</option>
            {card.source === 'paper' ? <option value="paper_entry">From the signed paper</option> : null}
          </select>
        )}
      </Field>
      <Field label="Note (optional)">{(control) => <input {...control} value={note} onChange={(e) => setNote(e.target.value)} maxLength={1000} />}</Field>
      <button type="submit" className="button-primary" disabled={verify.isPending || verify.isSuccess}>
        Verify
      </button>
    </form>
  );
}

/** Dismiss a card as not from anyone on the roster (a stranger, a test, a forgery), with the reason. */
function DismissCardForm(props: { cardId: string }) {
  const campaign = useCampaign();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const dismiss = useApiMutation({
    mutationFn: () => api.post(campaignPath(campaign.slug, `/cards/${encodeURIComponent(props.cardId)}/dismiss`), { reason }),
    fallback: 'Could not dismiss the card.',
    invalidates: [cardsKey(campaign.slug)],
  });
  if (!open)
    return (
      <button type="button" className="button-link" onClick={() => setOpen(true)}>
        Not a roster person…
      </button>
    );
  return (
    <form className="inline-form" onSubmit={onSubmit(() => dismiss.mutate())}>
      <ErrorNotice error={dismiss.error} />
      <Field label="Why is this card from no one on the roster?" error={dismiss.error?.fieldReason('reason')}>
        {(control) => <input {...control} value={reason} onChange={(e) => setReason(e.target.value)} required maxLength={1000} />}
      </Field>
      <button type="submit" className="button-secondary" disabled={dismiss.isPending}>
        Dismiss the card
      </button>
    </form>
  );
}
