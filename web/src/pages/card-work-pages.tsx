import { useState } from 'react';
import { Link } from 'react-router';
import { DataTable } from '../components/data-table.js';
import { ErrorNotice, SuccessNotice } from '../components/error-notice.js';
import { Field } from '../components/field.js';
import { PageHeader } from '../components/page-header.js';
import { ListStatus, QueryStatus } from '../components/status.js';
import { api, campaignPath } from '../lib/api.js';
import type { CardSummary, CardText, Employer, Publication } from '../lib/api-types.js';
import { useCampaign } from '../lib/campaign.js';
import { formatDate, formatDateTime, formatNumber } from '../lib/format.js';
import { apiKey, onSubmit, useApiMutation, useApiQuery } from '../lib/query.js';
import { CardsNav, cardsBase, cardsKey, needLabels, VerifyCardForm } from './cards-page.js';

// The work of decision 0023: cards waiting for the signer's answer or for a verification, the
// card text in each language with its approval, the employers' email domains, and the public
// numbers with their preview. Each is a sub-page of Cards.

type Waiting = { asOf: string; submitted: CardSummary[]; confirmed: CardSummary[]; disputed: CardSummary[] };

/** /cards/waiting: submitted and confirmed cards, apart, each with what it still needs. */
export function WaitingCardsPage() {
  const campaign = useCampaign();
  const waiting = useApiQuery<Waiting>(campaignPath(campaign.slug, '/cards/waiting'));
  const [done, setDone] = useState<string | null>(null);
  const data = waiting.data;
  return (
    <>
      <PageHeader
        title="Cards waiting for verification"
        intro={<p>These cards do not count yet. A card counts once verified: automatically when its signer confirms from the personal email on file for them, otherwise when you record how you know it is theirs. Opening this list is logged.</p>}
      />
      <CardsNav />
      <QueryStatus query={waiting} />
      {done ? <SuccessNotice>{done}</SuccessNotice> : null}
      {data ? (
        <>
          <WaitingList title="Submitted: waiting for the signer’s answer" cards={data.submitted} empty="No card waits for its signer." onDone={setDone} canRecordReply />
          <WaitingList title="Confirmed by the signer: waiting for verification" cards={data.confirmed} empty="No confirmed card waits for verification." onDone={setDone} />
          {data.disputed.length > 0 ? <WaitingList title="The signer says they did not sign: revoke these" cards={data.disputed} empty="" onDone={setDone} /> : null}
        </>
      ) : null}
    </>
  );
}

function WaitingList(props: { title: string; cards: CardSummary[]; empty: string; onDone: (message: string) => void; canRecordReply?: boolean }) {
  const campaign = useCampaign();
  const base = cardsBase(campaign.slug);
  return (
    <section className="section" aria-label={props.title}>
      <h2>
        {props.title} ({formatNumber(props.cards.length)})
      </h2>
      {props.cards.length === 0 ? <p>{props.empty}</p> : null}
      {props.cards.map((c) => (
        <article key={c.id} className="editor">
          <h3>
            <Link to={`${base}/${c.id}`}>{c.signerName}</Link> <span className="subtle">{c.worksiteName} · signed {formatDate(c.signedOn)}</span>
          </h3>
          {c.match.personName ? <p>Matches {c.match.personName} on the roster.</p> : <p>Matches no one on the roster, or several people.</p>}
          {c.needs.length > 0 ? <p>Needs: {c.needs.map((n) => needLabels[n]).join('; ')}.</p> : null}
          {props.canRecordReply && campaign.can('cards.verify') ? <RecordReplyForm cardId={c.id} onRecorded={() => props.onDone(`The reply of ${c.signerName} is recorded.`)} /> : null}
          {c.needs.includes('verification') && campaign.can('cards.verify') ? <VerifyCardForm card={c} onVerified={() => props.onDone(`Verified the card of ${c.signerName}: it now counts.`)} /> : null}
        </article>
      ))}
    </section>
  );
}

/** The signer answered the confirmation by replying to it: record the answer. */
function RecordReplyForm(props: { cardId: string; onRecorded: () => void }) {
  const campaign = useCampaign();
  const [note, setNote] = useState('');
  const record = useApiMutation<'signed' | 'not_signed'>({
    mutationFn: (answer) => api.post(campaignPath(campaign.slug, `/cards/${encodeURIComponent(props.cardId)}/answer`), { answer, note }),
    fallback: 'Could not record the reply.',
    invalidates: [cardsKey(campaign.slug)],
    onSuccess: () => props.onRecorded(),
  });
  return (
    <form className="inline-form" onSubmit={(e) => e.preventDefault()} aria-label="Record the signer’s reply">
      <ErrorNotice error={record.error} />
      <Field label="The signer replied (note: when, from which address)">{(control) => <input {...control} value={note} onChange={(e) => setNote(e.target.value)} maxLength={1000} />}</Field>
      <button type="button" className="button-secondary" disabled={record.isPending} onClick={() => record.mutate('signed')}>
        Replied “yes, I signed”
      </button>{' '}
      <button type="button" className="button-secondary" disabled={record.isPending} onClick={() => record.mutate('not_signed')}>
        Replied “I did not sign”
      </button>
    </form>
  );
}

const languageNames: Record<CardText['language'], string> = { en: 'English', es: 'Spanish' };

/** /cards/texts: the card in each language (admins write a version, organizers approve it) and the employers' email domains. */
export function CardTextsPage() {
  const campaign = useCampaign();
  const texts = useApiQuery<{ cardTexts: CardText[] }>(campaignPath(campaign.slug, '/card-texts'));
  const employers = useApiQuery<{ employers: Employer[] }>(campaign.can('roster.import') ? campaignPath(campaign.slug, '/employers') : null);
  const [draft, setDraft] = useState({ language: 'en' as CardText['language'], title: '', body: '' });
  const textsKey = apiKey(campaignPath(campaign.slug, '/card-texts'));
  const create = useApiMutation({
    mutationFn: () => api.post(campaignPath(campaign.slug, '/card-texts'), draft),
    fallback: 'Could not save the text.',
    invalidates: [textsKey],
    onSuccess: () => setDraft((d) => ({ ...d, title: '', body: '' })),
  });
  const approve = useApiMutation<string>({
    mutationFn: (id) => api.post(campaignPath(campaign.slug, `/card-texts/${encodeURIComponent(id)}/approve`)),
    fallback: 'Could not approve the text.',
    invalidates: [textsKey],
  });
  return (
    <>
      <PageHeader title="Card text and email domains" intro={<p>Signers read and sign the newest approved text in their language; each card keeps the exact text it was signed with.</p>} />
      <CardsNav />
      <QueryStatus query={texts} />
      <ErrorNotice error={approve.error} />
      {texts.data ? (
        <DataTable caption="Card text versions" columns={['Version', 'Language', 'Title', 'Written', 'Approved']}>
          {texts.data.cardTexts.map((t) => (
            <tr key={t.id}>
              <th scope="row">{t.version}</th>
              <td>{languageNames[t.language]}</td>
              <td>
                <details>
                  <summary>{t.title}</summary>
                  <p className="card-text-block">{t.body}</p>
                </details>
              </td>
              <td>{formatDateTime(t.createdAt)}</td>
              <td>
                {t.approvedAt ? (
                  formatDateTime(t.approvedAt)
                ) : campaign.can('cards.enter') ? (
                  <button type="button" className="button-secondary" disabled={approve.isPending} onClick={() => approve.mutate(t.id)}>
                    Approve
                  </button>
                ) : (
                  'Not yet'
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      ) : null}
      {campaign.can('campaign.manage') ? (
        <form className="editor form" onSubmit={onSubmit(() => create.mutate())} aria-labelledby="new-text">
          <h2 id="new-text">A new version</h2>
          <p>Write <code>{'{employer}'}</code> where the signer’s employer is named. An organizer approves it before signers see it.</p>
          <ErrorNotice error={create.error} />
          <Field label="Language">
            {(control) => (
              <select {...control} value={draft.language} onChange={(e) => setDraft({ ...draft, language: e.target.value as CardText['language'] })}>
                <option value="en">English</option>
                <option value="es">Spanish</option>
              </select>
            )}
          </Field>
          <Field label="Title" error={create.error?.fieldReason('title')}>
            {(control) => <input {...control} value={draft.title} onChange={(e) => setDraft({ ...draft, title: e.target.value })} required />}
          </Field>
          <Field label="Text" error={create.error?.fieldReason('body')}>
            {(control) => <textarea {...control} rows={8} value={draft.body} onChange={(e) => setDraft({ ...draft, body: e.target.value })} required />}
          </Field>
          <div className="form-actions">
            <button type="submit" className="button-primary" disabled={create.isPending}>
              Save the version
            </button>
          </div>
        </form>
      ) : null}
      {employers.data ? (
        <section className="section" aria-labelledby="domains-heading">
          <h2 id="domains-heading">The employers’ email domains</h2>
          <p>A card’s email may not be at these domains (or their subdomains): the confirmation would land in the employer’s mail. Separate domains with spaces or commas.</p>
          {employers.data.employers.map((e) => (
            <EmployerDomainsForm key={e.id} employer={e} />
          ))}
        </section>
      ) : null}
    </>
  );
}

function EmployerDomainsForm(props: { employer: Employer }) {
  const campaign = useCampaign();
  const [value, setValue] = useState(props.employer.emailDomains.join(', '));
  const save = useApiMutation({
    mutationFn: () => api.put(campaignPath(campaign.slug, `/employers/${encodeURIComponent(props.employer.id)}/email-domains`), { emailDomains: value.split(/[\s,]+/).filter((d) => d !== '') }),
    fallback: 'Could not save the domains.',
    invalidates: [apiKey(campaignPath(campaign.slug, '/employers'))],
  });
  return (
    <form className="inline-form" onSubmit={onSubmit(() => save.mutate())}>
      <ErrorNotice error={save.error} />
      <Field label={props.employer.name}>{(control) => <input {...control} value={value} onChange={(e) => setValue(e.target.value)} placeholder="district.example" />}</Field>
      <button type="submit" className="button-secondary" disabled={save.isPending}>
        Save
      </button>
      {save.isSuccess ? <span role="status"> Saved.</span> : null}
    </form>
  );
}

type Preview = {
  current: { asOf: string; granularity: number; educators: number; schools: number; educatorsShown: number; schoolsShown: number };
  publications: Publication[];
  autoPublish: boolean;
};

/** /cards/public-numbers: what the public site shows, a preview of today's numbers, publishing. */
export function PublicNumbersPage() {
  const campaign = useCampaign();
  const key = apiKey(campaignPath(campaign.slug, '/public-numbers'));
  const preview = useApiQuery<Preview>(campaignPath(campaign.slug, '/public-numbers'));
  const [settings, setSettings] = useState<{ granularity: number; autoPublish: boolean } | null>(null);
  const publish = useApiMutation({ mutationFn: () => api.post(campaignPath(campaign.slug, '/public-numbers')), fallback: 'Could not publish.', invalidates: [key] });
  const saveSettings = useApiMutation({
    mutationFn: () => api.put(campaignPath(campaign.slug, '/public-numbers/settings'), settings),
    fallback: 'Could not save the settings.',
    invalidates: [key],
    onSuccess: () => setSettings(null),
  });
  const data = preview.data;
  const shown = (n: number, g: number) => (g <= 1 ? formatNumber(n) : n === 0 ? `fewer than ${g}` : `over ${formatNumber(n)}`);
  const current = settings ?? (data ? { granularity: data.current.granularity, autoPublish: data.autoPublish } : null);
  const latest = data?.publications[0];
  return (
    <>
      <PageHeader
        title="Public numbers"
        intro={<p>The public site shows the numbers you publish, not live counts: a card, forged or real, moves nothing public until a publication, and each number is rounded down so that no one signer can be read off it.</p>}
      />
      <CardsNav />
      <QueryStatus query={preview} />
      {publish.isSuccess ? <SuccessNotice>Published. The public site shows the new numbers now.</SuccessNotice> : null}
      <ErrorNotice error={publish.error ?? saveSettings.error} />
      {data ? (
        <>
          <section className="section" aria-labelledby="now-heading">
            <h2 id="now-heading">On the public site now</h2>
            {latest ? (
              <p>
                {shown(latest.educatorsShown, latest.granularity)} educators at {shown(latest.schoolsShown, latest.granularity)} schools, published {formatDate(latest.asOf)}
                {latest.automatic ? ' (automatically)' : ''}.
              </p>
            ) : (
              <p>Nothing yet: the site says the numbers are not published.</p>
            )}
          </section>
          <section className="section" aria-labelledby="preview-heading">
            <h2 id="preview-heading">Publish the current numbers</h2>
            <p>
              Today ({formatDate(data.current.asOf)}): {formatNumber(data.current.educators)} educators with a verified, valid card at {formatNumber(data.current.schools)} schools. Published, the site would
              say: <strong>{shown(data.current.educatorsShown, data.current.granularity)} educators</strong> at <strong>{shown(data.current.schoolsShown, data.current.granularity)} schools</strong>.
            </p>
            <button type="button" className="button-primary" disabled={publish.isPending} onClick={() => publish.mutate()}>
              Publish these numbers
            </button>
          </section>
          {current ? (
            <form className="editor form" onSubmit={onSubmit(() => saveSettings.mutate())} aria-labelledby="settings-heading">
              <h2 id="settings-heading">How the numbers are published</h2>
              <Field label="Round down to a multiple of" hint="5 shows 147 as “over 145”; 1 publishes the exact numbers." error={saveSettings.error?.fieldReason('granularity')}>
                {(control) => <input {...control} type="number" min={1} max={100} value={current.granularity} onChange={(e) => setSettings({ ...current, granularity: Number(e.target.value) })} />}
              </Field>
              <label className="checkbox">
                <input type="checkbox" checked={current.autoPublish} onChange={(e) => setSettings({ ...current, autoPublish: e.target.checked })} /> Publish automatically, once a day
              </label>
              <div className="form-actions">
                <button type="submit" className="button-secondary" disabled={settings === null || saveSettings.isPending}>
                  Save
                </button>
              </div>
            </form>
          ) : null}
          <ListStatus query={preview} count={data.publications.length} empty="No publication yet." />
          {data.publications.length > 0 ? (
            <DataTable caption="Publications, newest first" columns={['Published', 'As of', 'Educators', 'Schools', 'Rounded to', 'How']}>
              {data.publications.map((p) => (
                <tr key={p.id}>
                  <th scope="row">{formatDateTime(p.publishedAt)}</th>
                  <td>{formatDate(p.asOf)}</td>
                  <td>
                    {shown(p.educatorsShown, p.granularity)} ({formatNumber(p.educators)})
                  </td>
                  <td>
                    {shown(p.schoolsShown, p.granularity)} ({formatNumber(p.schools)})
                  </td>
                  <td>{p.granularity}</td>
                  <td>{p.automatic ? 'Automatic' : 'By hand'}</td>
                </tr>
              ))}
            </DataTable>
          ) : null}
        </>
      ) : null}
    </>
  );
}
