import { useState } from 'react';
import { DataTable } from '../components/data-table.js';
import { ErrorNotice, SuccessNotice } from '../components/error-notice.js';
import { Field } from '../components/field.js';
import { api, campaignPath } from '../lib/api.js';
import type { CampaignEvent, Newsletter } from '../lib/public-content-types.js';
import { apiKey, lastError, onSubmit, useApiMutation, useApiQuery } from '../lib/query.js';

type Audience = 'subscribers' | 'roster' | 'attendees';

type AudienceView = {
  subscribers: number;
  recipients: { roster: number; attendees: number };
  excluded: { employer_domain: number; bounced: number; unsubscribed: number; duplicate: number };
  otherVersion: number;
  people: { name: string | null; address: string; lang: string; audience: 'roster' | 'attendees'; source: string; reason: string | null }[] | null;
};

export type Delivery = { messages: { total: number; sent: number; pending: number; failed: number; bounced: number }; suppressed: number; unsubscribedSince: number };

const audienceLabels: Record<Audience, string> = {
  subscribers: 'Community subscribers (in the newsletter’s language)',
  roster: 'Educators on the roster who agreed to updates at a personal address',
  attendees: 'People who RSVPed to events',
};

const reasonLabels: Record<string, string> = {
  employer_domain: 'at an employer’s email domain (the employer would read it)',
  bounced: 'their mail server refused an earlier message',
  unsubscribed: 'unsubscribed',
  duplicate: 'already receives it (same address)',
};

const sourceLabels: Record<string, string> = { card: 'on a card', conversation: 'in a conversation', subscription: 'by subscribing', rsvp: 'RSVP' };

/** The wall-clock day and time of an instant in the campaign's zone, for the schedule's inputs. */
function wallClockIn(iso: string | null, timeZone: string): { day: string; time: string } {
  if (!iso) return { day: '', time: '' };
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
  return { day: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

/**
 * Who a newsletter goes to, when, and how its send went: the audiences (and the version it
 * translates), the recipients and those left out with the reason (one by one only for whoever may
 * see every card; counts otherwise), the schedule on the campaign's clock, and the results.
 */
export function NewsletterSendingPanel(props: { slug: string; newsletter: Newsletter; others: Newsletter[]; timeZone: string; onClose: () => void }) {
  const n = props.newsletter;
  const invalidates = [apiKey(campaignPath(props.slug, '/newsletters'))];
  const events = useApiQuery<{ timeZone: string; events: CampaignEvent[] }>(campaignPath(props.slug, '/events'));
  const [audiences, setAudiences] = useState<Audience[]>(n.audiences);
  const [eventId, setEventId] = useState<string>(n.audienceEventId ?? '');
  const [versionOf, setVersionOf] = useState<string>(n.versionOf ?? '');
  const initial = wallClockIn(n.sendAt, props.timeZone);
  const [sendOn, setSendOn] = useState(initial.day);
  const [sendTime, setSendTime] = useState(initial.time);
  const [notice, setNotice] = useState<string | null>(null);
  const [view, setView] = useState<AudienceView | null>(null);
  const [delivery, setDelivery] = useState<Delivery | null>(null);

  const saveAudience = useApiMutation({
    mutationFn: () => api.put(campaignPath(props.slug, `/newsletters/${n.id}/audience`), { audiences, eventId: audiences.includes('attendees') && eventId ? eventId : null, versionOf: versionOf || null }),
    invalidates,
    onSuccess: () => setNotice('The audience is saved.'),
  });
  const showAudience = useApiMutation({ mutationFn: () => api.get<AudienceView>(campaignPath(props.slug, `/newsletters/${n.id}/audience`)), onSuccess: setView });
  const schedule = useApiMutation({
    mutationFn: (cancel: boolean) => api.put<{ sendOn: string | null; sendTime: string | null }>(campaignPath(props.slug, `/newsletters/${n.id}/send-schedule`), cancel ? { sendAt: null } : { sendOn, sendTime }),
    invalidates,
    onSuccess: (r) => setNotice(r.sendOn ? `It will be emailed on ${r.sendOn} at ${r.sendTime} (${props.timeZone}), if it is published by then.` : 'The scheduled email is cancelled.'),
  });
  const results = useApiMutation({ mutationFn: () => api.get<Delivery>(campaignPath(props.slug, `/newsletters/${n.id}/delivery`)), onSuccess: setDelivery });

  const error = lastError(saveAudience, showAudience, schedule, results);
  const toggle = (a: Audience) => setAudiences((prev) => (prev.includes(a) ? prev.filter((x) => x !== a) : [...prev, a]));
  const mains = props.others.filter((o) => o.id !== n.id && o.lang !== n.lang && o.versionOf === null);
  const sent = n.sentAt !== null;

  return (
    <section className="section" aria-labelledby="sending-heading">
      <h2 id="sending-heading">Sending “{n.title}”</h2>
      <ErrorNotice error={error} fields={{ audiences: { label: 'Audience', id: 'send-audience' }, eventId: { label: 'Event', id: 'send-event' }, versionOf: { label: 'Version of', id: 'send-version' }, sendOn: { label: 'Day', id: 'send-on' }, sendTime: { label: 'Time', id: 'send-time' } }} />
      {notice ? <SuccessNotice>{notice}</SuccessNotice> : null}
      {sent ? null : (
        <form className="form" onSubmit={onSubmit(() => saveAudience.mutate())}>
          <fieldset className="choices" id="send-audience">
            <legend>Who gets it</legend>
            {(Object.keys(audienceLabels) as Audience[]).map((a) => (
              <div className="choice-inline" key={a}>
                <input type="checkbox" id={`send-audience-${a}`} checked={audiences.includes(a)} onChange={() => toggle(a)} />
                <label htmlFor={`send-audience-${a}`}>{audienceLabels[a]}</label>
              </div>
            ))}
          </fieldset>
          {audiences.includes('attendees') ? (
            <Field label="Event" id="send-event" hint="Everyone who RSVPed with an email address.">
              {(c) => (
                <select {...c} value={eventId} onChange={(e) => setEventId(e.target.value)}>
                  <option value="">Any event</option>
                  {(events.data?.events ?? []).map((ev) => (
                    <option key={ev.id} value={ev.id}>
                      {ev.title}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          ) : null}
          <Field label="This is a version of (optional)" id="send-version" hint="Educators and attendees who read this language get this version; the others get the main newsletter.">
            {(c) => (
              <select {...c} value={versionOf} onChange={(e) => setVersionOf(e.target.value)}>
                <option value="">Not a version: a newsletter of its own</option>
                {mains.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.title}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <div className="form-actions">
            <button type="submit" className="button-primary" disabled={saveAudience.isPending}>
              Save the audience
            </button>{' '}
            <button type="button" className="button-secondary" onClick={() => showAudience.mutate()}>
              Show who would get it
            </button>
          </div>
        </form>
      )}
      {view ? (
        <div className="section" aria-live="polite">
          <p>
            {view.subscribers} subscribers, {view.recipients.roster} educators and {view.recipients.attendees} attendees would get it. Left out: {view.excluded.employer_domain} at an employer’s domain, {view.excluded.bounced} bounced,{' '}
            {view.excluded.unsubscribed} unsubscribed, {view.excluded.duplicate} already receiving it; {view.otherVersion} get the version in their language.
          </p>
          {view.people && view.people.length > 0 ? (
            <DataTable caption="Recipients beyond subscribers" columns={['Name', 'Address', 'Language', 'Agreed', 'Left out because']}>
              {view.people.map((p) => (
                <tr key={`${p.audience}-${p.address}-${p.reason ?? ''}`}>
                  <th scope="row">{p.name ?? (p.audience === 'attendees' ? 'Event attendee' : '—')}</th>
                  <td>{p.address}</td>
                  <td>{p.lang === 'es' ? 'Spanish' : 'English'}</td>
                  <td>{sourceLabels[p.source] ?? p.source}</td>
                  <td>{p.reason ? reasonLabels[p.reason] : '—'}</td>
                </tr>
              ))}
            </DataTable>
          ) : null}
        </div>
      ) : null}
      {sent ? null : (
        <form className="form" onSubmit={onSubmit(() => schedule.mutate(false))}>
          <h3>Schedule the email</h3>
          <p className="field-hint">Times are in the campaign’s time zone ({props.timeZone}), whatever your computer’s.</p>
          <Field label="Day" id="send-on">
            {(c) => <input {...c} type="date" value={sendOn} onChange={(e) => setSendOn(e.target.value)} required />}
          </Field>
          <Field label="Time" id="send-time">
            {(c) => <input {...c} type="time" value={sendTime} onChange={(e) => setSendTime(e.target.value)} required />}
          </Field>
          <div className="form-actions">
            <button type="submit" className="button-primary" disabled={schedule.isPending}>
              Schedule
            </button>{' '}
            {n.sendAt ? (
              <button type="button" className="button-secondary" onClick={() => schedule.mutate(true)}>
                Cancel the schedule
              </button>
            ) : null}
          </div>
        </form>
      )}
      {sent ? (
        <div className="section">
          <button type="button" className="button-secondary" onClick={() => results.mutate()}>
            Show progress and results
          </button>
          {delivery ? (
            <dl className="summary" aria-live="polite">
              <dt>Sent</dt>
              <dd>
                {delivery.messages.sent} of {delivery.messages.total}
              </dd>
              <dt>Still being sent</dt>
              <dd>{delivery.messages.pending}</dd>
              <dt>Failed</dt>
              <dd>{delivery.messages.failed}</dd>
              <dt>Bounced</dt>
              <dd>{delivery.messages.bounced}</dd>
              <dt>Unsubscribed since</dt>
              <dd>{delivery.unsubscribedSince}</dd>
            </dl>
          ) : null}
        </div>
      ) : null}
      <p>
        <button type="button" className="button-secondary" onClick={props.onClose}>
          Close
        </button>
      </p>
    </section>
  );
}
