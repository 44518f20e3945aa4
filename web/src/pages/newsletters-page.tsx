import { useState } from 'react';
import { DataTable } from '../components/data-table.js';
import { EditButton } from '../components/edit-button.js';
import { ErrorNotice, SuccessNotice } from '../components/error-notice.js';
import { Field } from '../components/field.js';
import { FormActions } from '../components/form-actions.js';
import { LanguageField } from '../components/language-field.js';
import { PageHeader } from '../components/page-header.js';
import { ListStatus } from '../components/status.js';
import { api, campaignPath } from '../lib/api.js';
import { useCampaign } from '../lib/campaign.js';
import { formatDateTime } from '../lib/format.js';
import { fromLocalInput, toLocalInput, type Newsletter } from '../lib/public-content-types.js';
import { apiKey, lastError, onSubmit, useApiMutation, useApiQuery } from '../lib/query.js';
import { useDraftEditor, type DraftEditorProps } from '../lib/use-draft-editor.js';
import { NewsletterSendingPanel, type Delivery } from './newsletter-sending-panel.js';

type Draft = { id: string | null; title: string; slug: string; summary: string; bodyMarkdown: string; lang: 'en' | 'es'; status: Newsletter['status']; publishAt: string };


const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

const emptyDraft: Draft = { id: null, title: '', slug: '', summary: '', bodyMarkdown: '', lang: 'en', status: 'draft', publishAt: '' };

const newslettersKey = (slug: string) => apiKey(campaignPath(slug, '/newsletters'));

const statusLabel = (n: Newsletter): string => (n.status === 'draft' ? 'Draft' : n.isPublic ? 'Published' : 'Scheduled');

export function NewslettersPage() {
  const campaign = useCampaign();
  const list = useApiQuery<{ newsletters: Newsletter[]; subscriberCount: number; timeZone: string }>(campaignPath(campaign.slug, '/newsletters'));
  const [sendingId, setSendingId] = useState<string | null>(null);
  const sendingNewsletter = list.data?.newsletters.find((x) => x.id === sendingId) ?? null;
  const editor = useDraftEditor<Draft>();
  const subscriberCount = list.data?.subscriberCount ?? 0;
  const publicBase = campaign.detail.campaign.isDefault ? '' : `/c/${campaign.slug}`;
  const sending = useApiMutation({
    mutationFn: (n: Newsletter) => api.post<{ sent: number; otherLanguages: number; suppressed: number; excluded: number }>(campaignPath(campaign.slug, `/newsletters/${n.id}/send`)),
    invalidates: [newslettersKey(campaign.slug)],
    onSuccess: (result, n) =>
      editor.setSaved(
        [
          `“${n.title}” is being emailed to ${plural(result.sent, 'person', 'people')}.`,
          result.otherLanguages > 0 ? `${plural(result.otherLanguages, 'subscriber')} in another language did not get it: write a version in their language.` : '',
          result.suppressed > 0 ? `${plural(result.suppressed, 'address', 'addresses')} skipped: their mail server refused an earlier newsletter.` : '',
          result.excluded > 0 ? `${plural(result.excluded, 'educator or attendee', 'educators or attendees')} left out (employer domain, bounced, unsubscribed or already receiving it).` : '',
        ]
          .filter((line) => line !== '')
          .join(' '),
      ),
  });
  const results = useApiMutation({
    mutationFn: (n: Newsletter) => api.get<Delivery>(campaignPath(campaign.slug, `/newsletters/${n.id}/delivery`)),
    onSuccess: (d, n) =>
      editor.setSaved(
        `“${n.title}”: ${d.messages.sent} of ${d.messages.total} delivered, ${d.messages.pending} still being sent, ${d.messages.failed} refused or failed, ${d.messages.bounced} bounced; ${plural(d.unsubscribedSince, 'reader')} unsubscribed since; ${plural(d.suppressed, 'address', 'addresses')} off the list after a bounce.`,
      ),
  });

  function send(n: Newsletter): void {
    if (!window.confirm(`Email “${n.title}” to its audience (${n.audiences.join(', ')}) now? This can be done only once.`)) return;
    sending.mutate(n);
  }

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
          editor.draft ? null : (
            <button type="button" className="button-primary" onClick={() => editor.start(emptyDraft)}>
              New newsletter
            </button>
          )
        }
      />
      {editor.saved ? <SuccessNotice>{editor.saved}</SuccessNotice> : null}
      <ErrorNotice error={sending.error ?? results.error} />
      {sendingNewsletter && list.data ? (
        <NewsletterSendingPanel key={sendingNewsletter.id} slug={campaign.slug} newsletter={sendingNewsletter} others={list.data.newsletters} timeZone={list.data.timeZone} onClose={() => setSendingId(null)} />
      ) : null}
      {editor.draft ? <NewsletterEditor key={editor.draft.id ?? 'new'} slug={campaign.slug} initial={editor.draft} onCancel={editor.cancel} onSaved={editor.finish} /> : null}
      <ListStatus query={list} count={list.data?.newsletters.length ?? 0} empty="No newsletters yet." />
      {list.data && list.data.newsletters.length > 0 ? (
        <DataTable caption="Newsletters" columns={['Title', 'Status', 'Publication', 'Emailed']} actions="Actions">
          {list.data.newsletters.map((n) => (
            <tr key={n.id}>
              <th scope="row" data-label="Title">
                {n.isPublic ? <a href={`${publicBase}/news/${n.slug}`}>{n.title}</a> : n.title}
              </th>
              <td data-label="Status">{statusLabel(n)}</td>
              <td data-label="Publication">{n.publishAt && n.status !== 'draft' ? formatDateTime(n.publishAt) : '—'}</td>
              <td data-label="Emailed">{n.sentAt ? `${formatDateTime(n.sentAt)} (${n.sentCount})` : n.sendAt ? `Scheduled: ${formatDateTime(n.sendAt)}` : 'No'}</td>
              <td className="row-actions">
                <button type="button" className="button-secondary" aria-label={`Sending: ${n.title}`} title="Audience, schedule and results" onClick={() => setSendingId(n.id)}>
                  Sending
                </button>{' '}
                {n.isPublic && !n.sentAt ? (
                  <>
                    <button type="button" className="button-secondary" aria-label={`Email now: ${n.title}`} onClick={() => send(n)}>
                      Email now
                    </button>{' '}
                  </>
                ) : null}
                {n.sentAt ? (
                  <>
                    <button type="button" className="button-secondary" aria-label={`Send results: ${n.title}`} onClick={() => results.mutate(n)}>
                      Results
                    </button>{' '}
                  </>
                ) : null}
                <EditButton name={n.title} onClick={() => editor.start({ id: n.id, title: n.title, slug: n.slug, summary: n.summary, bodyMarkdown: n.bodyMarkdown, lang: n.lang, status: n.status, publishAt: toLocalInput(n.publishAt) })} />
              </td>
            </tr>
          ))}
        </DataTable>
      ) : null}
      <p className="section">
        <a href={`${publicBase}/news`}>Open the public archive</a> · <a href={`${publicBase}/news/feed.xml`}>Atom feed</a>
      </p>
    </>
  );
}

function NewsletterEditor(props: DraftEditorProps<Draft>) {
  const [d, setD] = useState<Draft>(props.initial);
  const [preview, setPreview] = useState<string | null>(null);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setD((prev) => ({ ...prev, [key]: value }));
  const invalidates = [newslettersKey(props.slug)];

  const showPreview = useApiMutation({
    mutationFn: () => api.post<{ html: string }>(campaignPath(props.slug, '/newsletters/preview'), { bodyMarkdown: d.bodyMarkdown }),
    onSuccess: ({ html }) => setPreview(html),
  });

  const save = useApiMutation({
    fallback: 'Could not save.',
    invalidates,
    mutationFn: async () => {
      const body = {
        title: d.title,
        ...(d.slug.trim() ? { slug: d.slug.trim() } : {}),
        summary: d.summary,
        bodyMarkdown: d.bodyMarkdown,
        lang: d.lang,
        status: d.status,
        publishAt: d.status === 'draft' ? undefined : fromLocalInput(d.publishAt),
      };
      if (d.id) await api.patch(campaignPath(props.slug, `/newsletters/${d.id}`), body);
      else await api.post(campaignPath(props.slug, '/newsletters'), body);
    },
    onSuccess: () => props.onSaved(d.status === 'draft' ? `“${d.title}” is saved as a draft.` : d.status === 'published' ? `“${d.title}” is published.` : `“${d.title}” is scheduled.`),
  });

  const [tested, setTested] = useState<string | null>(null);
  const testSend = useApiMutation({
    mutationFn: (id: string) => api.post<{ to: string }>(campaignPath(props.slug, `/newsletters/${id}/test-send`)),
    onSuccess: ({ to }) => setTested(`A test copy of the saved version is on its way to ${to}.`),
  });

  const remove = useApiMutation({
    mutationFn: (id: string) => api.delete(campaignPath(props.slug, `/newsletters/${id}`)),
    invalidates,
    onSuccess: () => props.onSaved(`“${d.title}” is deleted.`),
  });

  function confirmRemove(): void {
    if (d.id && window.confirm(`Delete “${d.title}”? It disappears from the archive and the feed.`)) remove.mutate(d.id);
  }

  const error = lastError(save, remove, showPreview, testSend);
  const reason = (field: string) => error?.fieldReason(field);

  return (
    <section className="section" aria-labelledby="editor-heading">
      <h2 id="editor-heading">{d.id ? `Edit “${props.initial.title}”` : 'New newsletter'}</h2>
      <ErrorNotice error={error} fields={{ title: { label: 'Title', id: 'nl-title' }, slug: { label: 'Address', id: 'nl-slug' }, publishAt: { label: 'Publication date', id: 'nl-publish-at' }, bodyMarkdown: { label: 'Text', id: 'nl-body' } }} />
      <form className="form form-wide" onSubmit={onSubmit(() => save.mutate())}>
        <Field label="Title" id="nl-title" error={reason('title')}>
          {(c) => <input {...c} value={d.title} onChange={(e) => set('title', e.target.value)} required maxLength={200} />}
        </Field>
        <Field label="Address (optional)" id="nl-slug" hint="The last part of the page's address, e.g. spring-update. Made from the title if empty." error={reason('slug')}>
          {(c) => <input {...c} value={d.slug} onChange={(e) => set('slug', e.target.value)} maxLength={80} />}
        </Field>
        <Field label="Summary (optional)" hint="Shown in the archive and when the link is shared." error={reason('summary')}>
          {(c) => <textarea {...c} rows={2} value={d.summary} onChange={(e) => set('summary', e.target.value)} maxLength={500} />}
        </Field>
        <LanguageField value={d.lang} onChange={(lang) => set('lang', lang)} />
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
        <FormActions busy={save.isPending} onCancel={props.onCancel} onDelete={d.id ? confirmRemove : undefined}>
          <button type="button" className="button-secondary" onClick={() => showPreview.mutate()}>
            Preview
          </button>
          {d.id ? (
            <>
              {' '}
              <a className="button-secondary" href={`/api/campaigns/${props.slug}/newsletters/${d.id}/email-preview`} target="_blank" rel="noopener">
                Preview the email
              </a>{' '}
              <button type="button" className="button-secondary" onClick={() => testSend.mutate(d.id ?? '')}>
                Send me a test
              </button>
            </>
          ) : null}
        </FormActions>
        {tested ? <SuccessNotice>{tested}</SuccessNotice> : null}
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
