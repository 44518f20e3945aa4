import { useState } from 'react';
import { DataTable } from '../components/data-table.js';
import { EditButton } from '../components/edit-button.js';
import { ErrorNotice, SuccessNotice } from '../components/error-notice.js';
import { Field } from '../components/field.js';
import { FormActions } from '../components/form-actions.js';
import { LabelOptions } from '../components/label-options.js';
import { LanguageField } from '../components/language-field.js';
import { PageHeader } from '../components/page-header.js';
import { ListStatus } from '../components/status.js';
import { api, campaignPath } from '../lib/api.js';
import { useCampaign } from '../lib/campaign.js';
import { formatDate, todayIso } from '../lib/format.js';
import { pressKinds, type PressItem, type PressKind } from '../lib/public-content-types.js';
import { apiKey, lastError, onSubmit, useApiMutation, useApiQuery } from '../lib/query.js';
import { useDraftEditor, type DraftEditorProps } from '../lib/use-draft-editor.js';

type Draft = { id: string | null; kind: PressKind; outlet: string; headline: string; publishedOn: string; url: string; bodyMarkdown: string; lang: 'en' | 'es'; isPublic: boolean };
const pressKey = (slug: string) => apiKey(campaignPath(slug, '/press'));
const emptyDraft = (): Draft => ({ id: null, kind: 'news', outlet: '', headline: '', publishedOn: todayIso(), url: '', bodyMarkdown: '', lang: 'en', isPublic: true });

export function PressAdminPage() {
  const campaign = useCampaign();
  const list = useApiQuery<{ items: PressItem[] }>(campaignPath(campaign.slug, '/press'));
  const editor = useDraftEditor<Draft>();
  const publicBase = campaign.detail.campaign.isDefault ? '' : `/c/${campaign.slug}`;
  const rows = list.data?.items ?? [];
  return (
    <>
      <PageHeader
        title="Press"
        intro={<p>Log news coverage (outlet, headline, date, link) and write press releases. Public items appear on the press page.</p>}
        actions={
          editor.draft ? null : (
            <button type="button" className="button-primary" onClick={() => editor.start(emptyDraft())}>
              Add press
            </button>
          )
        }
      />
      {editor.saved ? <SuccessNotice>{editor.saved}</SuccessNotice> : null}
      {editor.draft ? <PressEditor key={editor.draft.id ?? 'new'} slug={campaign.slug} initial={editor.draft} onCancel={editor.cancel} onSaved={editor.finish} /> : null}
      <ListStatus query={list} count={rows.length} empty="No press yet." />
      {rows.length > 0 ? (
        <DataTable caption="Press coverage and releases" columns={['Headline', 'Kind', 'Date', 'Public']} actions="Actions">
          {rows.map((p) => (
            <tr key={p.id}>
              <th scope="row" data-label="Headline">
                {p.headline}
                <span className="subtle">{p.kind === 'release' ? 'Our release' : p.outlet}</span>
              </th>
              <td data-label="Kind">{pressKinds[p.kind]}</td>
              <td data-label="Date">{formatDate(p.publishedOn)}</td>
              <td data-label="Public">{p.isPublic ? 'Yes' : 'No'}</td>
              <td className="row-actions">
                <EditButton name={p.headline} onClick={() => editor.start({ id: p.id, kind: p.kind, outlet: p.outlet, headline: p.headline, publishedOn: p.publishedOn, url: p.url ?? '', bodyMarkdown: p.bodyMarkdown, lang: p.lang, isPublic: p.isPublic })} />
              </td>
            </tr>
          ))}
        </DataTable>
      ) : null}
      <p className="section">
        <a href={`${publicBase}/press`}>Open the public press page</a>
      </p>
    </>
  );
}

function PressEditor(props: DraftEditorProps<Draft>) {
  const [d, setD] = useState<Draft>(props.initial);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setD((prev) => ({ ...prev, [key]: value }));
  const release = d.kind === 'release';
  const invalidates = [pressKey(props.slug)];

  const save = useApiMutation({
    fallback: 'Could not save.',
    invalidates,
    mutationFn: async () => {
      const body = { kind: d.kind, outlet: release ? '' : d.outlet, headline: d.headline, publishedOn: d.publishedOn, url: release || d.url.trim() === '' ? null : d.url.trim(), bodyMarkdown: release ? d.bodyMarkdown : '', lang: d.lang, isPublic: d.isPublic };
      if (d.id) await api.patch(campaignPath(props.slug, `/press/${d.id}`), body);
      else await api.post(campaignPath(props.slug, '/press'), body);
    },
    onSuccess: () => props.onSaved(`“${d.headline}” is saved.`),
  });

  const remove = useApiMutation({
    mutationFn: (id: string) => api.delete(campaignPath(props.slug, `/press/${id}`)),
    invalidates,
    onSuccess: () => props.onSaved(`“${d.headline}” is deleted.`),
  });

  function confirmRemove(): void {
    if (d.id && window.confirm(`Delete “${d.headline}”?`)) remove.mutate(d.id);
  }

  const error = lastError(save, remove);
  const reason = (field: string) => error?.fieldReason(field);

  return (
    <section className="section" aria-labelledby="press-editor-heading">
      <h2 id="press-editor-heading">{d.id ? 'Edit press item' : 'New press item'}</h2>
      <ErrorNotice error={error} fields={{ headline: { label: 'Headline', id: 'pr-headline' }, outlet: { label: 'Outlet', id: 'pr-outlet' }, url: { label: 'Link', id: 'pr-url' }, bodyMarkdown: { label: 'Text', id: 'pr-body' } }} />
      <form className="form" onSubmit={onSubmit(() => save.mutate())}>
        <Field label="Kind">
          {(c) => (
            <select {...c} value={d.kind} onChange={(e) => set('kind', e.target.value as PressKind)}>
              <LabelOptions labels={pressKinds} />
            </select>
          )}
        </Field>
        {!release ? (
          <Field label="Outlet" id="pr-outlet" error={reason('outlet')}>
            {(c) => <input {...c} value={d.outlet} onChange={(e) => set('outlet', e.target.value)} maxLength={200} />}
          </Field>
        ) : null}
        <Field label="Headline" id="pr-headline" error={reason('headline')}>
          {(c) => <input {...c} value={d.headline} onChange={(e) => set('headline', e.target.value)} required maxLength={300} />}
        </Field>
        <Field label="Date">
          {(c) => <input {...c} type="date" value={d.publishedOn} onChange={(e) => set('publishedOn', e.target.value)} required />}
        </Field>
        {!release ? (
          <Field label="Link" id="pr-url" hint="https://…" error={reason('url')}>
            {(c) => <input {...c} type="url" value={d.url} onChange={(e) => set('url', e.target.value)} maxLength={2000} />}
          </Field>
        ) : (
          <>
            <Field label="Text (Markdown)" id="pr-body" error={reason('bodyMarkdown')}>
              {(c) => <textarea {...c} rows={12} value={d.bodyMarkdown} onChange={(e) => set('bodyMarkdown', e.target.value)} />}
            </Field>
            <LanguageField value={d.lang} onChange={(lang) => set('lang', lang)} />
          </>
        )}
        <div className="checkbox">
          <input type="checkbox" id="pr-public" checked={d.isPublic} onChange={(e) => set('isPublic', e.target.checked)} />
          <label htmlFor="pr-public">Public: list it on the press page</label>
        </div>
        <FormActions busy={save.isPending} onCancel={props.onCancel} onDelete={d.id ? confirmRemove : undefined} />
      </form>
    </section>
  );
}
