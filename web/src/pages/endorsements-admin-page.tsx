import { useState } from 'react';
import { DataTable } from '../components/data-table.js';
import { EditButton } from '../components/edit-button.js';
import { ErrorNotice, SuccessNotice } from '../components/error-notice.js';
import { Field } from '../components/field.js';
import { FormActions } from '../components/form-actions.js';
import { LabelOptions } from '../components/label-options.js';
import { PageHeader } from '../components/page-header.js';
import { ListStatus } from '../components/status.js';
import { api, campaignPath } from '../lib/api.js';
import { useCampaign } from '../lib/campaign.js';
import { formatDate, todayIso } from '../lib/format.js';
import { endorsementLevels, type Endorsement, type EndorsementLevel } from '../lib/public-content-types.js';
import { apiKey, lastError, onSubmit, useApiMutation, useApiQuery } from '../lib/query.js';
import { useDraftEditor, type DraftEditorProps } from '../lib/use-draft-editor.js';

type Draft = { id: string | null; endorserName: string; endorserKind: 'person' | 'organization'; endorserTitle: string; level: EndorsementLevel; endorsedOn: string; quote: string; isPublic: boolean; hasDocument: boolean };

const emptyDraft = (): Draft => ({ id: null, endorserName: '', endorserKind: 'organization', endorserTitle: '', level: 'community_organization', endorsedOn: todayIso(), quote: '', isPublic: false, hasDocument: false });

const endorsementsKey = (slug: string) => apiKey(campaignPath(slug, '/endorsements'));

/** Reads a chosen file as base64 (without the data: prefix) for the JSON upload. */
function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('could not read the file'));
    reader.readAsDataURL(file);
  });
}

export function EndorsementsAdminPage() {
  const campaign = useCampaign();
  const list = useApiQuery<{ endorsements: Endorsement[] }>(campaignPath(campaign.slug, '/endorsements'));
  const editor = useDraftEditor<Draft>();
  const publicBase = campaign.detail.campaign.isDefault ? '' : `/c/${campaign.slug}`;
  const rows = list.data?.endorsements ?? [];

  return (
    <>
      <PageHeader
        title="Endorsements"
        intro={<p>Letters and resolutions of support. Public ones appear on the endorsements page, grouped by level, with their PDF.</p>}
        actions={
          editor.draft ? null : (
            <button type="button" className="button-primary" onClick={() => editor.start(emptyDraft())}>
              Add an endorsement
            </button>
          )
        }
      />
      {editor.saved ? <SuccessNotice>{editor.saved}</SuccessNotice> : null}
      {editor.draft ? <EndorsementEditor key={editor.draft.id ?? 'new'} slug={campaign.slug} initial={editor.draft} onCancel={editor.cancel} onSaved={editor.finish} /> : null}
      <ListStatus query={list} count={rows.length} empty="No endorsements yet." />
      {rows.length > 0 ? (
        <DataTable caption="Endorsements" columns={['Endorser', 'Level', 'Date', 'Letter', 'Public']} actions="Actions">
          {rows.map((e) => (
            <tr key={e.id}>
              <th scope="row" data-label="Endorser">
                {e.endorserName}
                {e.endorserTitle ? <span className="subtle">{e.endorserTitle}</span> : null}
              </th>
              <td data-label="Level">{endorsementLevels[e.level]}</td>
              <td data-label="Date">{formatDate(e.endorsedOn)}</td>
              <td data-label="Letter">{e.document ? <a href={e.document.downloadUrl}>PDF ({Math.max(1, Math.round(e.document.size / 1024))} KB)</a> : '—'}</td>
              <td data-label="Public">{e.isPublic ? 'Yes' : 'No'}</td>
              <td className="row-actions">
                <EditButton
                  name={e.endorserName}
                  onClick={() => editor.start({ id: e.id, endorserName: e.endorserName, endorserKind: e.endorserKind, endorserTitle: e.endorserTitle, level: e.level, endorsedOn: e.endorsedOn, quote: e.quote, isPublic: e.isPublic, hasDocument: e.document !== null })}
                />
              </td>
            </tr>
          ))}
        </DataTable>
      ) : null}
      <p className="section">
        <a href={`${publicBase}/endorsements`}>Open the public endorsements page</a>
      </p>
    </>
  );
}

function EndorsementEditor(props: DraftEditorProps<Draft>) {
  const [d, setD] = useState<Draft>(props.initial);
  const [file, setFile] = useState<File | null>(null);
  const [removeDocument, setRemoveDocument] = useState(false);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setD((prev) => ({ ...prev, [key]: value }));
  const invalidates = [endorsementsKey(props.slug)];

  const save = useApiMutation({
    // Reading the chosen file can fail in the browser, before any request: say so rather than nothing.
    fallback: 'Could not read or save the file.',
    invalidates,
    mutationFn: async () => {
      const document = file ? { filename: file.name, contentBase64: await readAsBase64(file) } : removeDocument ? null : undefined;
      const { id, hasDocument: _hasDocument, ...fields } = d;
      const body = { ...fields, ...(document !== undefined ? { document } : {}) };
      if (id) await api.patch(campaignPath(props.slug, `/endorsements/${id}`), body);
      else await api.post(campaignPath(props.slug, '/endorsements'), body);
    },
    onSuccess: () => props.onSaved(`${d.endorserName} is saved${d.isPublic ? ' and public' : ' (not public)'}.`),
  });

  const remove = useApiMutation({
    mutationFn: (id: string) => api.delete(campaignPath(props.slug, `/endorsements/${id}`)),
    invalidates,
    onSuccess: () => props.onSaved(`The endorsement of ${d.endorserName} is deleted.`),
  });

  function confirmRemove(): void {
    if (d.id && window.confirm(`Delete the endorsement of ${d.endorserName}?`)) remove.mutate(d.id);
  }

  const error = lastError(save, remove);
  const reason = (field: string) => error?.fieldReason(field);

  return (
    <section className="section" aria-labelledby="endorsement-editor-heading">
      <h2 id="endorsement-editor-heading">{d.id ? `Edit ${props.initial.endorserName}` : 'New endorsement'}</h2>
      <ErrorNotice error={error} fields={{ endorserName: { label: 'Endorser', id: 'en-name' }, endorsedOn: { label: 'Date', id: 'en-date' }, 'document.contentBase64': { label: 'Letter (PDF)', id: 'en-file' } }} />
      <form className="form" onSubmit={onSubmit(() => save.mutate())}>
        <Field label="Endorser" id="en-name" hint="A person's or an organization's name." error={reason('endorserName')}>
          {(c) => <input {...c} value={d.endorserName} onChange={(e) => set('endorserName', e.target.value)} required maxLength={200} />}
        </Field>
        <Field label="Person or organization">
          {(c) => (
            <select {...c} value={d.endorserKind} onChange={(e) => set('endorserKind', e.target.value === 'person' ? 'person' : 'organization')}>
              <option value="organization">Organization</option>
              <option value="person">Person</option>
            </select>
          )}
        </Field>
        <Field label="Title (optional)" hint="For example: Member of Congress; Board of the Eastgate Neighborhood Council.">
          {(c) => <input {...c} value={d.endorserTitle} onChange={(e) => set('endorserTitle', e.target.value)} maxLength={200} />}
        </Field>
        <Field label="Level">
          {(c) => (
            <select {...c} value={d.level} onChange={(e) => set('level', e.target.value as EndorsementLevel)}>
              <LabelOptions labels={endorsementLevels} />
            </select>
          )}
        </Field>
        <Field label="Date" id="en-date" error={reason('endorsedOn')}>
          {(c) => <input {...c} type="date" value={d.endorsedOn} onChange={(e) => set('endorsedOn', e.target.value)} required />}
        </Field>
        <Field label="Quote (optional)">
          {(c) => <textarea {...c} rows={3} value={d.quote} onChange={(e) => set('quote', e.target.value)} maxLength={2000} />}
        </Field>
        <Field label="Letter or resolution (PDF, up to 10 MB)" id="en-file" hint={d.hasDocument ? 'A letter is on file. Choose a file to replace it.' : undefined} error={reason('document.contentBase64')}>
          {(c) => <input {...c} type="file" accept="application/pdf,.pdf" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />}
        </Field>
        {d.hasDocument ? (
          <div className="checkbox">
            <input type="checkbox" id="en-remove-doc" checked={removeDocument} onChange={(e) => setRemoveDocument(e.target.checked)} />
            <label htmlFor="en-remove-doc">Remove the letter on file</label>
          </div>
        ) : null}
        <div className="checkbox">
          <input type="checkbox" id="en-public" checked={d.isPublic} onChange={(e) => set('isPublic', e.target.checked)} />
          <label htmlFor="en-public">Public: show it (and its letter) on the endorsements page</label>
        </div>
        <FormActions busy={save.isPending} onCancel={props.onCancel} onDelete={d.id ? confirmRemove : undefined} />
      </form>
    </section>
  );
}
