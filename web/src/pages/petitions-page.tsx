import { useEffect, useId, useRef, useState } from 'react';
import { DataTable } from '../components/data-table.js';
import { EditButton } from '../components/edit-button.js';
import { ErrorNotice, SuccessNotice } from '../components/error-notice.js';
import { Field } from '../components/field.js';
import { FormActions } from '../components/form-actions.js';
import { PageHeader } from '../components/page-header.js';
import { ListStatus } from '../components/status.js';
import { api, campaignPath } from '../lib/api.js';
import { useCampaign } from '../lib/campaign.js';
import { formatDateTime, formatNumber } from '../lib/format.js';
import { apiKey, onSubmit, useApiMutation, useApiQuery } from '../lib/query.js';
import { useDraftEditor, type DraftEditorProps } from '../lib/use-draft-editor.js';

type Petition = {
  id: string;
  slug: string;
  title: string;
  text: string;
  target: string;
  goal: number;
  published: boolean;
  createdAt: string;
  updatedAt: string;
  signatures: { confirmed: number; pendingConfirmation: number; heldForReview: number };
};

type HeldSignature = {
  id: string;
  givenName: string;
  familyName: string;
  email: string;
  postalCode: string | null;
  city: string | null;
  relationship: string;
  comment: string | null;
  holdReason: string | null;
  emailConfirmed: boolean;
  source: 'web' | 'osdi';
  createdAt: string;
  ipGroup: string | null;
};

type Draft = { slug: string; title: string; text: string; target: string; goal: string; published: boolean };

/** The petitions, their counts, and the signatures held for review. */
const petitionsKey = (slug: string) => apiKey(campaignPath(slug, '/petitions'));

const holdReasons: Record<string, string> = {
  honeypot: 'Filled the hidden field only software sees (almost surely a bot)',
  proof_of_work_missing: 'No proof of work (JavaScript off, or a script)',
  proof_of_work_invalid: 'Proof of work did not check out',
  proof_of_work_replayed: 'Reused a proof of work',
  ip_rate: 'Many signatures from the same network',
  email_rate: 'Many attempts with this email address',
};

const relationships: Record<string, string> = {
  parent: 'Parent',
  alumnus: 'Alumna/alumnus',
  student: 'Student',
  educator_elsewhere: 'Educator elsewhere',
  neighbor: 'Neighbor',
  other: 'Other',
};

// Petitions: write and publish them, review the signatures held as suspicious, and (admins)
// export signers. The public page shows only totals and the names of people who opted in.
export function PetitionsPage() {
  const campaign = useCampaign();
  const list = useApiQuery<{ petitions: Petition[] }>(campaignPath(campaign.slug, '/petitions'));
  const editor = useDraftEditor<Petition | 'new'>();
  const [reviewing, setReviewing] = useState<Petition | null>(null);
  const publicBase = campaign.detail.campaign.isDefault ? '' : `/c/${encodeURIComponent(campaign.slug)}`;
  // One panel at a time: the editor and the review of held signatures replace each other.
  const edit = (petition: Petition | 'new') => {
    setReviewing(null);
    editor.start(petition);
  };
  const review = (petition: Petition) => {
    editor.setSaved(null);
    editor.cancel();
    setReviewing(petition);
  };

  return (
    <>
      <PageHeader
        title="Petitions"
        intro={<p>Write the community petition and publish it on the public site. Signatures count once the signer confirms their email; suspicious ones wait for your review.</p>}
        actions={
          editor.draft === null ? (
            <button type="button" className="button-primary" onClick={() => edit('new')}>
              New petition
            </button>
          ) : null
        }
      />
      {editor.saved ? <SuccessNotice>{editor.saved}</SuccessNotice> : null}
      {editor.draft !== null ? (
        <PetitionEditor
          key={editor.draft === 'new' ? 'new' : editor.draft.id}
          slug={campaign.slug}
          initial={editor.draft}
          onCancel={editor.cancel}
          onSaved={editor.finish}
        />
      ) : null}
      <ListStatus query={list} count={list.data?.petitions.length ?? 0} empty="No petitions yet." />
      {list.data && list.data.petitions.length > 0 ? (
        <DataTable caption="Petitions of the campaign" columns={['Petition', 'Status', 'Confirmed', 'Awaiting email', 'Held']} actions="Actions">
          {list.data.petitions.map((p) => (
            <tr key={p.id}>
              <th scope="row" data-label="Petition">
                {p.title}
                <span className="subtle">
                  {p.published ? (
                    <a href={`${publicBase}/petition/${encodeURIComponent(p.slug)}`}>{`${publicBase}/petition/${p.slug}`}</a>
                  ) : (
                    `/petition/${p.slug}`
                  )}
                </span>
              </th>
              <td data-label="Status">{p.published ? 'Published' : 'Draft'}</td>
              <td data-label="Confirmed">
                {formatNumber(p.signatures.confirmed)} <span className="subtle">of {formatNumber(p.goal)}</span>
              </td>
              <td data-label="Awaiting email">{formatNumber(p.signatures.pendingConfirmation)}</td>
              <td data-label="Held">{formatNumber(p.signatures.heldForReview)}</td>
              <td className="row-actions">
                <EditButton name={p.title} onClick={() => edit(p)} />{' '}
                <button type="button" className="button-secondary" onClick={() => review(p)} aria-label={`Review held signatures of ${p.title}`}>
                  Review held
                </button>{' '}
                {campaign.can('export.individual') ? (
                  <a className="button-secondary" href={campaignPath(campaign.slug, `/petitions/${p.id}/signers.csv`)} download>
                    Export CSV<span className="visually-hidden"> of the signers of {p.title}</span>
                  </a>
                ) : null}
              </td>
            </tr>
          ))}
        </DataTable>
      ) : null}
      {reviewing ? (
        <HeldReview
          key={reviewing.id}
          slug={campaign.slug}
          petition={reviewing}
          onClose={() => setReviewing(null)}
        />
      ) : null}
    </>
  );
}

function PetitionEditor(props: DraftEditorProps<Petition | 'new'>) {
  const p = props.initial === 'new' ? null : props.initial;
  const [draft, setDraft] = useState<Draft>({
    slug: p?.slug ?? '',
    title: p?.title ?? '',
    text: p?.text ?? '',
    target: p?.target ?? '',
    goal: p ? String(p.goal) : '1000',
    published: p?.published ?? false,
  });
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  const save = useApiMutation({
    invalidates: [petitionsKey(props.slug)],
    mutationFn: async () => {
      const body = { ...draft, goal: Number(draft.goal) };
      if (p) await api.put(campaignPath(props.slug, `/petitions/${p.id}`), body);
      else await api.post(campaignPath(props.slug, '/petitions'), body);
    },
    onSuccess: () => props.onSaved(`Saved “${draft.title}”${draft.published ? ': it is on the public site.' : ' as a draft.'}`),
  });
  const reason = (field: string) => save.error?.fieldReason(field);

  const fields = {
    slug: { label: 'Web address', id: 'petition-slug' },
    title: { label: 'Title', id: 'petition-title' },
    text: { label: 'Text', id: 'petition-text' },
    target: { label: 'Addressed to', id: 'petition-target' },
    goal: { label: 'Goal', id: 'petition-goal' },
  };
  return (
    <section className="editor" aria-labelledby={headingId}>
      <h2 id={headingId} ref={headingRef} tabIndex={-1}>
        {p ? `Edit “${p.title}”` : 'New petition'}
      </h2>
      <ErrorNotice error={save.error} fields={fields} />
      <form className="form" onSubmit={onSubmit(() => save.mutate())} noValidate>
        <Field label="Title" id={fields.title.id} error={reason('title')}>
          {(c) => <input {...c} value={draft.title} onChange={(e) => set('title', e.target.value)} maxLength={200} required />}
        </Field>
        <Field label="Web address" id={fields.slug.id} hint="Lowercase letters, digits and dashes: the petition's address is /petition/<this>." error={reason('slug')}>
          {(c) => <input {...c} value={draft.slug} onChange={(e) => set('slug', e.target.value)} maxLength={80} required />}
        </Field>
        <Field label="Addressed to" id={fields.target.id} hint="Who the petition asks, e.g. the board of directors." error={reason('target')}>
          {(c) => <input {...c} value={draft.target} onChange={(e) => set('target', e.target.value)} maxLength={200} required />}
        </Field>
        <Field label="Text" id={fields.text.id} hint="Separate paragraphs with an empty line." error={reason('text')}>
          {(c) => <textarea {...c} value={draft.text} onChange={(e) => set('text', e.target.value)} rows={8} required />}
        </Field>
        <Field label="Goal" id={fields.goal.id} hint="The number of signatures the progress bar aims at." error={reason('goal')}>
          {(c) => <input {...c} type="number" min={1} inputMode="numeric" value={draft.goal} onChange={(e) => set('goal', e.target.value)} required />}
        </Field>
        <div className="checkbox">
          <input type="checkbox" id="petition-published" checked={draft.published} onChange={(e) => set('published', e.target.checked)} />
          <label htmlFor="petition-published">Published: anyone can read and sign it</label>
        </div>
        <FormActions busy={save.isPending} onCancel={props.onCancel} />
      </form>
    </section>
  );
}

type Decision = { signature: HeldSignature; decision: 'approve' | 'reject' };

function HeldReview(props: { slug: string; petition: Petition; onClose: () => void }) {
  const held = useApiQuery<{ signatures: HeldSignature[] }>(campaignPath(props.slug, `/petitions/${props.petition.id}/held`));
  const [message, setMessage] = useState<string | null>(null);
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  // The held list and the petitions' counts both change.
  const decide = useApiMutation<Decision>({
    mutationFn: ({ signature, decision }) => api.post(campaignPath(props.slug, `/petitions/${props.petition.id}/held/${signature.id}/${decision}`)),
    invalidates: [petitionsKey(props.slug)],
    onSuccess: (_result, { signature: s, decision }) =>
      setMessage(decision === 'approve' ? `Approved ${s.givenName} ${s.familyName}${s.emailConfirmed ? ': the signature now counts.' : ': it counts once they confirm their email.'}` : `Rejected and deleted the signature of ${s.givenName} ${s.familyName}.`),
  });

  return (
    <section className="section" aria-labelledby={headingId}>
      <h2 id={headingId} ref={headingRef} tabIndex={-1}>
        Held signatures: {props.petition.title}
      </h2>
      <p className="privacy-note">These are names and email addresses of members of the public. Opening this list is logged.</p>
      {message ? <SuccessNotice>{message}</SuccessNotice> : null}
      <ErrorNotice error={decide.error} />
      <ListStatus query={held} count={held.data?.signatures.length ?? 0} empty="Nothing is waiting for review." />
      {held.data && held.data.signatures.length > 0 ? (
        <DataTable caption="Signatures held for review" columns={['Signer', 'Why held', 'Signed']} actions="Decision">
          {held.data.signatures.map((s) => (
            <tr key={s.id}>
              <th scope="row" data-label="Signer">
                {s.givenName} {s.familyName}
                <span className="subtle">
                  {s.email} · {relationships[s.relationship] ?? s.relationship}
                  {s.city ? ` · ${s.city}` : ''}
                  {s.postalCode ? ` ${s.postalCode}` : ''}
                </span>
                {s.comment ? <span className="subtle">“{s.comment}”</span> : null}
              </th>
              <td data-label="Why held">
                {s.holdReason ? (holdReasons[s.holdReason] ?? s.holdReason) : 'Held'}
                <span className="subtle">
                  {s.emailConfirmed ? 'Email confirmed' : 'Email not confirmed'} · {s.source === 'osdi' ? 'API' : 'web form'}
                  {s.ipGroup ? ` · network ${s.ipGroup}` : ''}
                </span>
              </td>
              <td data-label="Signed">{formatDateTime(s.createdAt)}</td>
              <td className="row-actions">
                <button type="button" className="button-secondary" onClick={() => decide.mutate({ signature: s, decision: 'approve' })} aria-label={`Approve the signature of ${s.givenName} ${s.familyName}`}>
                  Approve
                </button>{' '}
                <button type="button" className="button-secondary" onClick={() => decide.mutate({ signature: s, decision: 'reject' })} aria-label={`Reject the signature of ${s.givenName} ${s.familyName}`}>
                  Reject
                </button>
              </td>
            </tr>
          ))}
        </DataTable>
      ) : null}
      <p>
        <button type="button" className="button-link" onClick={props.onClose}>
          Close the review
        </button>
      </p>
    </section>
  );
}
