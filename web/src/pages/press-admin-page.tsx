import { useState, type FormEvent } from 'react';
import { ErrorNotice, SuccessNotice } from '../components/error-notice.js';
import { Field } from '../components/field.js';
import { PageHeader } from '../components/page-header.js';
import { ListStatus } from '../components/status.js';
import { api, ApiError, campaignPath } from '../lib/api.js';
import { useCampaign } from '../lib/campaign.js';
import { formatDate, todayIso } from '../lib/format.js';
import { pressKinds, type PressItem, type PressKind } from '../lib/public-content-types.js';
import { useApi } from '../lib/use-api.js';

type Draft = { id: string | null; kind: PressKind; outlet: string; headline: string; publishedOn: string; url: string; bodyMarkdown: string; lang: 'en' | 'es'; isPublic: boolean };
const emptyDraft = (): Draft => ({ id: null, kind: 'news', outlet: '', headline: '', publishedOn: todayIso(), url: '', bodyMarkdown: '', lang: 'en', isPublic: true });

export function PressAdminPage() {
  const campaign = useCampaign();
  const list = useApi<{ items: PressItem[] }>(campaignPath(campaign.slug, '/press'));
  const [draft, setDraft] = useState<Draft | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const publicBase = campaign.detail.campaign.isDefault ? '' : `/c/${campaign.slug}`;
  const rows = list.data?.items ?? [];
  return (
    <>
      <PageHeader
        title="Press"
        intro={<p>Log news coverage (outlet, headline, date, link) and write press releases. Public items appear on the press page.</p>}
        actions={
          draft ? null : (
            <button
              type="button"
              className="button-primary"
              onClick={() => {
                setSaved(null);
                setDraft(emptyDraft());
              }}
            >
              Add press
            </button>
          )
        }
      />
      {saved ? <SuccessNotice>{saved}</SuccessNotice> : null}
      {draft ? (
        <PressEditor
          key={draft.id ?? 'new'}
          slug={campaign.slug}
          initial={draft}
          onCancel={() => setDraft(null)}
          onSaved={(message) => {
            setDraft(null);
            setSaved(message);
            list.reload();
          }}
        />
      ) : null}
      <ListStatus state={list} count={rows.length} empty="No press yet." />
      {rows.length > 0 ? (
        <div className="table-wrap">
          <table className="data-table">
            <caption className="visually-hidden">Press coverage and releases</caption>
            <thead>
              <tr>
                <th scope="col">Headline</th>
                <th scope="col">Kind</th>
                <th scope="col">Date</th>
                <th scope="col">Public</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
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
                    <button
                      type="button"
                      className="button-secondary"
                      aria-label={`Edit ${p.headline}`}
                      onClick={() => {
                        setSaved(null);
                        setDraft({ id: p.id, kind: p.kind, outlet: p.outlet, headline: p.headline, publishedOn: p.publishedOn, url: p.url ?? '', bodyMarkdown: p.bodyMarkdown, lang: p.lang, isPublic: p.isPublic });
                      }}
                    >
                      Edit
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <p className="section">
        <a href={`${publicBase}/press`}>Open the public press page</a>
      </p>
    </>
  );
}

function PressEditor(props: { slug: string; initial: Draft; onCancel: () => void; onSaved: (message: string) => void }) {
  const [d, setD] = useState<Draft>(props.initial);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setD((prev) => ({ ...prev, [key]: value }));
  const reason = (field: string) => error?.fieldReason(field);
  const release = d.kind === 'release';

  async function save(event: FormEvent): Promise<void> {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const body = { kind: d.kind, outlet: release ? '' : d.outlet, headline: d.headline, publishedOn: d.publishedOn, url: release || d.url.trim() === '' ? null : d.url.trim(), bodyMarkdown: release ? d.bodyMarkdown : '', lang: d.lang, isPublic: d.isPublic };
    try {
      if (d.id) await api.patch(campaignPath(props.slug, `/press/${d.id}`), body);
      else await api.post(campaignPath(props.slug, '/press'), body);
      props.onSaved(`“${d.headline}” is saved.`);
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, 'internal', 'Could not save.'));
    } finally {
      setBusy(false);
    }
  }

  async function remove(): Promise<void> {
    if (!d.id || !window.confirm(`Delete “${d.headline}”?`)) return;
    try {
      await api.delete(campaignPath(props.slug, `/press/${d.id}`));
      props.onSaved(`“${d.headline}” is deleted.`);
    } catch (err) {
      setError(err instanceof ApiError ? err : null);
    }
  }

  return (
    <section className="section" aria-labelledby="press-editor-heading">
      <h2 id="press-editor-heading">{d.id ? 'Edit press item' : 'New press item'}</h2>
      <ErrorNotice error={error} fields={{ headline: { label: 'Headline', id: 'pr-headline' }, outlet: { label: 'Outlet', id: 'pr-outlet' }, url: { label: 'Link', id: 'pr-url' }, bodyMarkdown: { label: 'Text', id: 'pr-body' } }} />
      <form className="form" onSubmit={(e) => void save(e)}>
        <Field label="Kind">
          {(c) => (
            <select {...c} value={d.kind} onChange={(e) => set('kind', e.target.value as PressKind)}>
              {Object.entries(pressKinds).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
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
            <Field label="Language of the text">
              {(c) => (
                <select {...c} value={d.lang} onChange={(e) => set('lang', e.target.value === 'es' ? 'es' : 'en')}>
                  <option value="en">English</option>
                  <option value="es">Spanish</option>
                </select>
              )}
            </Field>
          </>
        )}
        <div className="checkbox">
          <input type="checkbox" id="pr-public" checked={d.isPublic} onChange={(e) => set('isPublic', e.target.checked)} />
          <label htmlFor="pr-public">Public: list it on the press page</label>
        </div>
        <div className="form-actions">
          <button type="submit" className="button-primary" disabled={busy}>
            {busy ? 'Saving…' : 'Save'}
          </button>
          <button type="button" className="button-secondary" onClick={props.onCancel}>
            Cancel
          </button>
          {d.id ? (
            <button type="button" className="button-link" onClick={() => void remove()}>
              Delete
            </button>
          ) : null}
        </div>
      </form>
    </section>
  );
}
