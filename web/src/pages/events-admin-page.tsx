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
import { formatDateTime, formatWallClock } from '../lib/format.js';
import { eventKinds, type CampaignEvent, type EventKind, type Rsvp } from '../lib/public-content-types.js';
import { apiKey, lastError, onSubmit, useApiMutation, useApiQuery } from '../lib/query.js';
import { useDraftEditor, type DraftEditorProps } from '../lib/use-draft-editor.js';

// Start and end are the campaign's wall clock ("2026-05-01T10:00" in the inputs), never the
// browser's: the server takes and answers day and time in the campaign's zone (decision 0016).
type Draft = { id: string | null; kind: EventKind; title: string; description: string; location: string; start: string; end: string; isPublic: boolean; rsvpOpen: boolean };
const eventsKey = (slug: string) => apiKey(campaignPath(slug, '/events'));
const emptyDraft = (): Draft => ({ id: null, kind: 'meeting', title: '', description: '', location: '', start: '', end: '', isPublic: true, rsvpOpen: true });
const splitInput = (value: string) => ({ day: value.slice(0, 10), time: value.slice(11, 16) });

export function EventsAdminPage() {
  const campaign = useCampaign();
  const list = useApiQuery<{ timeZone: string; events: CampaignEvent[] }>(campaignPath(campaign.slug, '/events'));
  const editor = useDraftEditor<Draft>();
  const [attendanceFor, setAttendanceFor] = useState<CampaignEvent | null>(null);
  const publicBase = campaign.detail.campaign.isDefault ? '' : `/c/${campaign.slug}`;
  const rows = list.data?.events ?? [];
  const timeZone = list.data?.timeZone ?? null;
  // One panel at a time: the editor and the door list replace each other.
  const edit = (draft: Draft) => {
    setAttendanceFor(null);
    editor.start(draft);
  };
  return (
    <>
      <PageHeader
        title="Events"
        intro={
          <p>
            Press conferences, meetings and rallies. Public events appear on the events page with an RSVP form and a calendar file; check people in at the door here.
            {timeZone ? ` Times are in the campaign’s time zone (${timeZone}), whatever your computer’s.` : ''}
          </p>
        }
        actions={
          editor.draft ? null : (
            <button type="button" className="button-primary" onClick={() => edit(emptyDraft())}>
              New event
            </button>
          )
        }
      />
      {editor.saved ? <SuccessNotice>{editor.saved}</SuccessNotice> : null}
      {editor.draft && timeZone ? <EventEditor key={editor.draft.id ?? 'new'} slug={campaign.slug} timeZone={timeZone} initial={editor.draft} onCancel={editor.cancel} onSaved={editor.finish} /> : null}
      {attendanceFor ? (
        <Attendance
          slug={campaign.slug}
          event={attendanceFor}
          canExport={campaign.can('export.individual')}
          onClose={() => setAttendanceFor(null)}
        />
      ) : null}
      <ListStatus query={list} count={rows.length} empty="No events yet." />
      {rows.length > 0 ? (
        <DataTable caption="Events" columns={['Event', `When (${timeZone ?? 'campaign time'})`, 'RSVPs', 'Checked in']} actions="Actions">
          {rows.map((e) => (
            <tr key={e.id}>
              <th scope="row" data-label="Event">
                {e.isPublic ? <a href={`${publicBase}/events/${e.slug}`}>{e.title}</a> : e.title}
                <span className="subtle">
                  {eventKinds[e.kind]}
                  {e.isPublic ? '' : ' · private'}
                </span>
              </th>
              <td data-label="When">{formatWallClock(e.startDay, e.startTime)}</td>
              <td data-label="RSVPs">{e.rsvpCount ?? 0}</td>
              <td data-label="Checked in">{e.checkedInCount ?? 0}</td>
              <td className="row-actions">
                <button
                  type="button"
                  className="button-secondary"
                  aria-label={`RSVPs and check-in: ${e.title}`}
                  onClick={() => {
                    editor.cancel();
                    setAttendanceFor(e);
                  }}
                >
                  RSVPs and check-in
                </button>{' '}
                <EditButton name={e.title} onClick={() => edit({ id: e.id, kind: e.kind, title: e.title, description: e.description, location: e.location, start: `${e.startDay}T${e.startTime}`, end: `${e.endDay}T${e.endTime}`, isPublic: e.isPublic, rsvpOpen: e.rsvpOpen })} />
              </td>
            </tr>
          ))}
        </DataTable>
      ) : null}
    </>
  );
}

function EventEditor(props: DraftEditorProps<Draft> & { timeZone: string }) {
  const [d, setD] = useState<Draft>(props.initial);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setD((prev) => ({ ...prev, [key]: value }));
  const zoneHint = `Campaign time (${props.timeZone})`;
  const save = useApiMutation({
    fallback: 'Could not save.',
    invalidates: [eventsKey(props.slug)],
    mutationFn: async () => {
      const { id, start, end, ...fields } = d;
      const [s, e] = [splitInput(start), splitInput(end)];
      // The zone goes along: the server refuses the times if the campaign's zone changed meanwhile.
      const body = { ...fields, startDay: s.day, startTime: s.time, endDay: e.day, endTime: e.time, timeZone: props.timeZone };
      if (id) await api.patch(campaignPath(props.slug, `/events/${id}`), body);
      else await api.post(campaignPath(props.slug, '/events'), body);
    },
    onSuccess: () => props.onSaved(`“${d.title}” is saved.`),
  });
  const reason = (field: string) => save.error?.fieldReason(field);

  return (
    <section className="section" aria-labelledby="event-editor-heading">
      <h2 id="event-editor-heading">{d.id ? `Edit “${props.initial.title}”` : 'New event'}</h2>
      <ErrorNotice error={save.error} fields={{ title: { label: 'Title', id: 'ev-title' }, startDay: { label: 'Starts', id: 'ev-starts' }, startTime: { label: 'Starts', id: 'ev-starts' }, endDay: { label: 'Ends', id: 'ev-ends' }, endTime: { label: 'Ends', id: 'ev-ends' }, timeZone: { label: 'Time zone' } }} />
      <form className="form" onSubmit={onSubmit(() => save.mutate())}>
        <Field label="Kind">
          {(c) => (
            <select {...c} value={d.kind} onChange={(e) => set('kind', e.target.value as EventKind)}>
              <LabelOptions labels={eventKinds} />
            </select>
          )}
        </Field>
        <Field label="Title" id="ev-title" error={reason('title')}>
          {(c) => <input {...c} value={d.title} onChange={(e) => set('title', e.target.value)} required maxLength={200} />}
        </Field>
        <Field label="Starts" id="ev-starts" hint={zoneHint} error={reason('startDay') ?? reason('startTime')}>
          {(c) => <input {...c} type="datetime-local" value={d.start} onChange={(e) => set('start', e.target.value)} required />}
        </Field>
        <Field label="Ends" id="ev-ends" hint={zoneHint} error={reason('endDay') ?? reason('endTime') ?? reason('timeZone')}>
          {(c) => <input {...c} type="datetime-local" value={d.end} onChange={(e) => set('end', e.target.value)} required />}
        </Field>
        <Field label="Place">
          {(c) => <input {...c} value={d.location} onChange={(e) => set('location', e.target.value)} maxLength={300} />}
        </Field>
        <Field label="Description (Markdown)">
          {(c) => <textarea {...c} rows={5} value={d.description} onChange={(e) => set('description', e.target.value)} />}
        </Field>
        <div className="checkbox">
          <input type="checkbox" id="ev-public" checked={d.isPublic} onChange={(e) => set('isPublic', e.target.checked)} />
          <label htmlFor="ev-public">Public: list it on the events page</label>
        </div>
        <div className="checkbox">
          <input type="checkbox" id="ev-rsvp" checked={d.rsvpOpen} onChange={(e) => set('rsvpOpen', e.target.checked)} />
          <label htmlFor="ev-rsvp">Take RSVPs</label>
        </div>
        <FormActions busy={save.isPending} onCancel={props.onCancel} />
      </form>
    </section>
  );
}

// The door list: names of community members who RSVPed. Opening it is written to the audit log.
function Attendance(props: { slug: string; event: CampaignEvent; canExport: boolean; onClose: () => void }) {
  const base = campaignPath(props.slug, `/events/${props.event.id}`);
  const list = useApiQuery<{ rsvps: Rsvp[] }>(`${base}/rsvps`);
  const [walkIn, setWalkIn] = useState({ name: '', email: '' });
  const rows = list.data?.rsvps ?? [];
  // The door list and the events' counts (RSVPs, checked in) both change.
  const invalidates = [eventsKey(props.slug)];
  const toggle = useApiMutation({
    mutationFn: (r: Rsvp) => api.post(`${base}/rsvps/${r.id}/check-in`, { checkedIn: r.checkedInAt === null }),
    invalidates,
  });
  const addWalkIn = useApiMutation({
    mutationFn: () => api.post(`${base}/walk-ins`, { name: walkIn.name, ...(walkIn.email.trim() ? { email: walkIn.email.trim() } : {}) }),
    invalidates,
    onSuccess: () => setWalkIn({ name: '', email: '' }),
  });
  const error = lastError(toggle, addWalkIn);

  return (
    <section className="section" aria-labelledby="attendance-heading">
      <h2 id="attendance-heading">RSVPs and check-in: {props.event.title}</h2>
      <p className="privacy-note">These are community members’ names and contacts. Opening this list is logged{props.canExport ? '; so is every export' : ''}.</p>
      <ErrorNotice error={error} fields={{ name: { label: 'Name', id: 'walkin-name' }, email: { label: 'Email', id: 'walkin-email' } }} />
      <ListStatus query={list} count={rows.length} empty="No RSVPs yet." />
      {rows.length > 0 ? (
        <DataTable caption="RSVPs" columns={['Name', 'Contact', 'Checked in']} actions="Actions">
          {rows.map((r) => (
            <tr key={r.id}>
              <th scope="row" data-label="Name">
                {r.name}
                {r.walkIn ? <span className="subtle">Walk-in</span> : null}
              </th>
              <td data-label="Contact">{[r.email, r.phone].filter(Boolean).join(' · ') || '—'}</td>
              <td data-label="Checked in">{r.checkedInAt ? formatDateTime(r.checkedInAt) : 'No'}</td>
              <td className="row-actions">
                <button type="button" className={r.checkedInAt ? 'button-secondary' : 'button-primary'} onClick={() => toggle.mutate(r)} aria-label={`${r.checkedInAt ? 'Undo check-in of' : 'Check in'} ${r.name}`}>
                  {r.checkedInAt ? 'Undo' : 'Check in'}
                </button>
              </td>
            </tr>
          ))}
        </DataTable>
      ) : null}
      <form className="inline-form section" onSubmit={onSubmit(() => addWalkIn.mutate())} aria-label="Add a walk-in">
        <Field label="Walk-in’s name" id="walkin-name">
          {(c) => <input {...c} value={walkIn.name} onChange={(e) => setWalkIn({ ...walkIn, name: e.target.value })} required maxLength={200} />}
        </Field>
        <Field label="Email (optional)" id="walkin-email">
          {(c) => <input {...c} type="email" value={walkIn.email} onChange={(e) => setWalkIn({ ...walkIn, email: e.target.value })} maxLength={254} />}
        </Field>
        <button type="submit" className="button-primary">
          Add and check in
        </button>
      </form>
      <div className="form-actions section">
        {props.canExport ? (
          <a className="button-secondary" href={`${base}/rsvps/export.csv`}>
            Export RSVPs (CSV)
          </a>
        ) : null}
        {props.canExport ? (
          <a className="button-secondary" href={`${base}/rsvps/action-network.csv`}>
            Export for Action Network (CSV)
          </a>
        ) : null}
        <button type="button" className="button-secondary" onClick={props.onClose}>
          Close
        </button>
      </div>
    </section>
  );
}
