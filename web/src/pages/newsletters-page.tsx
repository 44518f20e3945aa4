import { useState, type FormEvent } from 'react';
import { ErrorNotice, SuccessNotice } from '../components/error-notice.js';
import { Field } from '../components/field.js';
import { PageHeader } from '../components/page-header.js';
import { ListStatus } from '../components/status.js';
import { api, ApiError, campaignPath } from '../lib/api.js';
import { useCampaign } from '../lib/campaign.js';
import { formatDateTime } from '../lib/format.js';
import { fromLocalInput, toLocalInput, type Newsletter } from '../lib/public-content-types.js';
import { useApi } from '../lib/use-api.js';

type Draft = { id: string | null; title: string; slug: string; summary: string; bodyMarkdown: string; lang: 'en' | 'es'; status: Newsletter['status']; publishAt: string };

const emptyDraft: Draft = { id: null, title: '', slug: '', summary: '', bodyMarkdown: '', lang: 'en', status: 'draft', publishAt: '' };

const statusLabel = (n: Newsletter): string => (n.status === 'draft' ? 'Draft' : n.isPublic ? 'Published' : 'Scheduled');

export function NewslettersPage() {
  const campaign = useCampaign();
  const list = useApi<{ newsletters: Newsletter[]; subscriberCount: number }>(campaignPath(campaign.slug, '/newsletters'));
  const [sendError, setSendError] = useState<ApiError | null>(null);
  const subscriberCount = list.data?.subscriberCount ?? 0;

  async function send(n: Newsletter): Promise<void> {
    if (!window.confirm(`Email “${n.title}” to ${subscriberCount} subscriber${subscriberCount === 1 ? '' : 's'}? This can be done only once.`)) return;
    setSendError(null);
    try {
      const result = await api.post<{ sent: number }>(campaignPath(campaign.slug, `/newsletters/${n.id}/send`));
      setSaved(`“${n.title}” was emailed to ${result.sent} subscriber${result.sent === 1 ? '' : 's'}.`);
      list.reload();
    } catch (err) {
      setSendError(err instanceof ApiError ? err : null);
    }
  }
  const [draft, setDraft] = useState<Draft | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const publicBase = campaign.detail.campaign.isDefault ? '' : `/c/${campaign.slug}`;

  return (
    <>
      <PageHeader
        title="Newsletters"
        intro={
          <p>
            Write in Markdown, preview, then publish now or on a date. Published newsletters appear in the public archive and its Atom feed, and can be emailed once to the {subscriberCount}{' '}
            {subscriberCount === 1 ? 'subscriber' : 'subscribers'} who confirmed their address (each email has a one-click unsubscribe link).
          </p>
        }
        actions={
          draft ? null : (
            <button type="button" className="button-primary" onClick={() => {
              setSaved(null);
              setDraft(emptyDraft);
            }}>
              New newsletter
            </button>
          )
        }
      />
      {saved ? <SuccessNotice>{saved}</SuccessNotice> : null}
      <ErrorNotice error={sendError} />
      {draft ? (
        <NewsletterEditor
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
      <ListStatus state={list} count={list.data?.newsletters.length ?? 0} empty="No newsletters yet." />
      {list.data && list.data.newsletters.length > 0 ? (
        <div className="table-wrap">
          <table className="data-table">
            <caption className="visually-hidden">Newsletters</caption>
            <thead>
              <tr>
                <th scope="col">Title</th>
                <th scope="col">Status</th>
                <th scope="col">Publication</th>
                <th scope="col">Emailed</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.data.newsletters.map((n) => (
                <tr key={n.id}>
                  <th scope="row" data-label="Title">
                    {n.isPublic ? <a href={`${publicBase}/news/${n.slug}`}>{n.title}</a> : n.title}
                  </th>
                  <td data-label="Status">{statusLabel(n)}</td>
                  <td data-label="Publication">{n.publishAt && n.status !== 'draft' ? formatDateTime(n.publishAt) : '—'}</td>
                  <td data-label="Emailed">{n.sentAt ? `${formatDateTime(n.sentAt)} (${n.sentCount})` : 'No'}</td>
                  <td className="row-actions">
                    {n.isPublic && !n.sentAt && subscriberCount > 0 ? (
                      <>
                        <button type="button" className="button-secondary" aria-label={`Email to subscribers: ${n.title}`} onClick={() => void send(n)}>
                          Email to subscribers
                        </button>{' '}
                      </>
                    ) : null}
                    <button
                      type="button"
                      className="button-secondary"
                      aria-label={`Edit ${n.title}`}
                      onClick={() => {
                        setSaved(null);
                        setDraft({ id: n.id, title: n.title, slug: n.slug, summary: n.summary, bodyMarkdown: n.bodyMarkdown, lang: n.lang, status: n.status, publishAt: toLocalInput(n.publishAt) });
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
        <a href={`${publicBase}/news`}>Open the public archive</a> · <a href={`${publicBase}/news/feed.xml`}>Atom feed</a>
      </p>
    </>
  );
}

function NewsletterEditor(props: { slug: string; initial: Draft; onCancel: () => void; onSaved: (message: string) => void }) {
  const [d, setD] = useState<Draft>(props.initial);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [preview, setPreview] = useState<string | null>(null);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setD((prev) => ({ ...prev, [key]: value }));
  const reason = (field: string) => error?.fieldReason(field);

  async function showPreview(): Promise<void> {
    try {
      const { html } = await api.post<{ html: string }>(campaignPath(props.slug, '/newsletters/preview'), { bodyMarkdown: d.bodyMarkdown });
      setPreview(html);
    } catch (err) {
      setError(err instanceof ApiError ? err : null);
    }
  }

  async function save(event: FormEvent): Promise<void> {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const body = {
      title: d.title,
      ...(d.slug.trim() ? { slug: d.slug.trim() } : {}),
      summary: d.summary,
      bodyMarkdown: d.bodyMarkdown,
      lang: d.lang,
      status: d.status,
      publishAt: d.status === 'draft' ? undefined : fromLocalInput(d.publishAt),
    };
    try {
      if (d.id) await api.patch(campaignPath(props.slug, `/newsletters/${d.id}`), body);
      else await api.post(campaignPath(props.slug, '/newsletters'), body);
      props.onSaved(d.status === 'draft' ? `“${d.title}” is saved as a draft.` : d.status === 'published' ? `“${d.title}” is published.` : `“${d.title}” is scheduled.`);
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, 'internal', 'Could not save.'));
    } finally {
      setBusy(false);
    }
  }

  async function remove(): Promise<void> {
    if (!d.id || !window.confirm(`Delete “${d.title}”? It disappears from the archive and the feed.`)) return;
    try {
      await api.delete(campaignPath(props.slug, `/newsletters/${d.id}`));
      props.onSaved(`“${d.title}” is deleted.`);
    } catch (err) {
      setError(err instanceof ApiError ? err : null);
    }
  }

  return (
    <section className="section" aria-labelledby="editor-heading">
      <h2 id="editor-heading">{d.id ? `Edit “${props.initial.title}”` : 'New newsletter'}</h2>
      <ErrorNotice error={error} fields={{ title: { label: 'Title', id: 'nl-title' }, slug: { label: 'Address', id: 'nl-slug' }, publishAt: { label: 'Publication date', id: 'nl-publish-at' }, bodyMarkdown: { label: 'Text', id: 'nl-body' } }} />
      <form className="form form-wide" onSubmit={(e) => void save(e)}>
        <Field label="Title" id="nl-title" error={reason('title')}>
          {(c) => <input {...c} value={d.title} onChange={(e) => set('title', e.target.value)} required maxLength={200} />}
        </Field>
        <Field label="Address (optional)" id="nl-slug" hint="The last part of the page's address, e.g. spring-update. Made from the title if empty." error={reason('slug')}>
          {(c) => <input {...c} value={d.slug} onChange={(e) => set('slug', e.target.value)} maxLength={80} />}
        </Field>
        <Field label="Summary (optional)" hint="Shown in the archive and when the link is shared." error={reason('summary')}>
          {(c) => <textarea {...c} rows={2} value={d.summary} onChange={(e) => set('summary', e.target.value)} maxLength={500} />}
        </Field>
        <Field label="Language of the text">
          {(c) => (
            <select {...c} value={d.lang} onChange={(e) => set('lang', e.target.value === 'es' ? 'es' : 'en')}>
              <option value="en">English</option>
              <option value="es">Spanish</option>
            </select>
          )}
        </Field>
        <Field label="Text (Markdown)" id="nl-body" hint="# Heading, **bold**, *italic*, - lists, [link](https://…)." error={reason('bodyMarkdown')}>
          {(c) => <textarea {...c} rows={16} value={d.bodyMarkdown} onChange={(e) => set('bodyMarkdown', e.target.value)} />}
        </Field>
        <fieldset className="choices">
          <legend>Status</legend>
          {(
            [
              ['draft', 'Draft — only organizers see it'],
              ['published', 'Published — public now (or at the date below)'],
              ['scheduled', 'Scheduled — public at the date below'],
            ] as const
          ).map(([value, label]) => (
            <div className="choice-inline" key={value}>
              <input type="radio" id={`nl-status-${value}`} name="status" checked={d.status === value} onChange={() => set('status', value)} />
              <label htmlFor={`nl-status-${value}`}>{label}</label>
            </div>
          ))}
        </fieldset>
        {d.status !== 'draft' ? (
          <Field label="Publication date" id="nl-publish-at" hint={d.status === 'published' ? 'Leave empty to publish now.' : 'Required to schedule.'} error={reason('publishAt')}>
            {(c) => <input {...c} type="datetime-local" value={d.publishAt} onChange={(e) => set('publishAt', e.target.value)} />}
          </Field>
        ) : null}
        <div className="form-actions">
          <button type="submit" className="button-primary" disabled={busy}>
            {busy ? 'Saving…' : 'Save'}
          </button>
          <button type="button" className="button-secondary" onClick={() => void showPreview()}>
            Preview
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
      {preview !== null ? (
        <section className="preview" aria-labelledby="preview-heading">
          <h3 id="preview-heading">Preview</h3>
          {/* The server's sanitized rendering: exactly what the public page will show. */}
          <div className="prose" lang={d.lang} dangerouslySetInnerHTML={{ __html: preview }} />
        </section>
      ) : null}
    </section>
  );
}
