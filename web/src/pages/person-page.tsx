import { useState } from 'react';
import { Link, useParams } from 'react-router';
import '../organizing.css';
import { ErrorNotice, SuccessNotice } from '../components/error-notice.js';
import { Field } from '../components/field.js';
import { PageHeader } from '../components/page-header.js';
import { QueryStatus } from '../components/status.js';
import { api, campaignPath } from '../lib/api.js';
import { useCampaign } from '../lib/campaign.js';
import { formatDate, formatDateTime, todayIso } from '../lib/format.js';
import { channelLabels, levelNames, type PersonDetail, type Task } from '../lib/organizing-types.js';
import { apiKey, lastError, onSubmit, useApiMutation, useApiQuery } from '../lib/query.js';

/** What a rating changes: the person, and the aggregates that count ratings. */
const afterRating = (slug: string, personId: string) => [
  apiKey(campaignPath(slug, `/people/${personId}`)),
  apiKey(campaignPath(slug, '/wall-chart')),
  apiKey(campaignPath(slug, '/assessments')),
];
/** What a conversation or a task changes: the person, coverage, and everyone's task lists. */
const afterConversation = (slug: string, personId: string) => [apiKey(campaignPath(slug, `/people/${personId}`)), apiKey(campaignPath(slug, '/coverage')), apiKey('/api/me/tasks')];

/** One educator (/person/<id>): where they work (history), the latest rating and its history, conversations and tasks. */
export function PersonPage() {
  const personId = useParams().personId ?? '';
  return <PersonView key={personId} personId={personId} />;
}

function PersonView(props: { personId: string }) {
  const campaign = useCampaign();
  const detail = useApiQuery<PersonDetail>(campaignPath(campaign.slug, `/people/${props.personId}`));
  const issues = useApiQuery<{ issues: string[]; channels: string[] }>(campaign.can('conversations.view') ? campaignPath(campaign.slug, '/conversation-issues') : null);
  const { data } = detail;

  if (detail.error) {
    return (
      <>
        <PageHeader title="Person" />
        <QueryStatus query={detail} />
      </>
    );
  }
  if (!data) return <QueryStatus query={detail} loading="Loading…" />;
  const { person } = data;
  const current = data.employment.filter((e) => e.endDate === null);
  return (
    <>
      <PageHeader
        title={`${person.givenName} ${person.familyName}`}
        intro={
          <p>
            {current.length > 0 ? current.map((e) => `${e.jobTitle} at ${e.worksiteName}`).join('; ') : 'No current employment on the roster.'}{' '}
            <Link to={`/app/c/${encodeURIComponent(campaign.slug)}/people`}>Back to people</Link>
          </p>
        }
      />
      <dl className="details">
        <div>
          <dt>Employee ID</dt>
          <dd>{person.employeeId ?? '—'}</dd>
        </div>
        <div>
          <dt>Work email</dt>
          <dd>{person.workEmail ?? '—'}</dd>
        </div>
        <div>
          <dt>Personal email</dt>
          <dd>{person.personalEmail ?? '—'}</dd>
        </div>
        <div>
          <dt>Phone</dt>
          <dd>{person.phone ?? '—'}</dd>
        </div>
      </dl>

      <section className="section" aria-labelledby="employment-heading">
        <h2 id="employment-heading">Employment history</h2>
        <ul>
          {data.employment.map((e) => (
            <li key={e.id}>
              {e.jobTitle}, {e.worksiteName} ({e.unitName ?? 'not in the unit'}): {formatDate(e.startDate)} – {e.endDate ? formatDate(e.endDate) : 'now'}
            </li>
          ))}
        </ul>
      </section>

      {data.assessments ? <AssessmentSection detail={data} slug={campaign.slug} canRate={campaign.can('assessments.edit')} /> : null}
      {data.conversations ? <ConversationSection detail={data} slug={campaign.slug} suggested={issues.data?.issues ?? []} canEdit={campaign.can('conversations.edit')} /> : null}
    </>
  );
}

function AssessmentSection(props: { detail: PersonDetail; slug: string; canRate: boolean }) {
  const [level, setLevel] = useState('');
  const [note, setNote] = useState('');
  const [saved, setSaved] = useState(false);
  const latest = props.detail.latestAssessment;
  const personId = props.detail.person.id;
  const rate = useApiMutation({
    mutationFn: () => api.post(campaignPath(props.slug, `/people/${personId}/assessments`), { level: level === 'unknown' ? 'unknown' : Number(level), note }),
    invalidates: afterRating(props.slug, personId),
    onSuccess: () => {
      setLevel('');
      setNote('');
      setSaved(true);
    },
  });

  return (
    <section className="section" aria-labelledby="assessment-heading">
      <h2 id="assessment-heading">Support assessment</h2>
      <p>
        Latest: <strong>{latest?.level ? levelNames[String(latest.level)] : 'Unknown'}</strong>
        {latest?.assessedAt ? ` (${formatDateTime(latest.assessedAt)}, ${latest.assessedBy ?? 'someone'})` : ''}
      </p>
      {saved ? <SuccessNotice>Rating saved.</SuccessNotice> : null}
      <ErrorNotice error={rate.error} />
      {props.canRate ? (
        <form
          className="inline-form"
          onSubmit={onSubmit(() => {
            setSaved(false);
            rate.mutate();
          })}
        >
          <Field label="Rate">
            {(control) => (
              <select {...control} value={level} onChange={(e) => setLevel(e.target.value)} required>
                <option value="">Choose…</option>
                {Object.entries(levelNames).map(([value, label]) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Why" hint="What they said or did.">
            {(control) => <input {...control} value={note} onChange={(e) => setNote(e.target.value)} maxLength={2000} />}
          </Field>
          <button type="submit" className="button-primary" disabled={rate.isPending}>
            Save rating
          </button>
        </form>
      ) : null}
      {props.detail.assessments && props.detail.assessments.length > 0 ? (
        <details>
          <summary>History ({props.detail.assessments.length})</summary>
          <ul>
            {props.detail.assessments.map((a) => (
              <li key={a.id}>
                {a.assessedAt ? formatDateTime(a.assessedAt) : ''}: {a.level ? levelNames[String(a.level)] : 'Unknown'} by {a.assessedBy ?? '?'}
                {a.note ? `: ${a.note}` : ''}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}

/**
 * When a conversation happened, from the form's day and time: nothing means now; a day alone is
 * sent as a day (shown without a time, never as "12:00 AM"); a time alone is today at that time.
 */
function whenFields(day: string, time: string): { occurredAt?: string; occurredOn?: string } {
  if (!time) return day ? { occurredOn: day } : {};
  return { occurredAt: new Date(`${day || todayIso()}T${time}`).toISOString() };
}

function ConversationSection(props: { detail: PersonDetail; slug: string; suggested: string[]; canEdit: boolean }) {
  const [channel, setChannel] = useState('one_on_one');
  const [day, setDay] = useState('');
  const [time, setTime] = useState('');
  const [issues, setIssues] = useState<string[]>([]);
  const [notes, setNotes] = useState('');
  const [nextStep, setNextStep] = useState('');
  const [followUp, setFollowUp] = useState('');
  const [due, setDue] = useState('');
  const [saved, setSaved] = useState<string | null>(null);
  const personId = props.detail.person.id;
  const log = useApiMutation({
    mutationFn: () =>
      api.post(campaignPath(props.slug, `/people/${personId}/conversations`), {
        channel,
        ...whenFields(day, time),
        issues,
        notes,
        nextStep,
        followUps: followUp ? [{ title: followUp, dueDate: due || null }] : [],
      }),
    invalidates: afterConversation(props.slug, personId),
    onSuccess: () => {
      setIssues([]);
      setNotes('');
      setNextStep('');
      setFollowUp('');
      setDue('');
      setSaved('Conversation logged.');
    },
  });
  const toggle = useApiMutation({
    mutationFn: (task: Task) => api.patch(campaignPath(props.slug, `/tasks/${task.id}`), { done: !task.done }),
    invalidates: afterConversation(props.slug, personId),
  });
  const error = lastError(log, toggle);

  return (
    <section className="section" aria-labelledby="conversations-heading">
      <h2 id="conversations-heading">Conversations and tasks</h2>
      {saved ? <SuccessNotice>{saved}</SuccessNotice> : null}
      <ErrorNotice error={error} />
      {props.detail.tasks && props.detail.tasks.length > 0 ? (
        <ul className="choices">
          {props.detail.tasks.map((task) => (
            <li key={task.id} className="checkbox">
              <input id={`task-${task.id}`} type="checkbox" checked={task.done} onChange={() => toggle.mutate(task)} disabled={!props.canEdit} />
              <label htmlFor={`task-${task.id}`}>
                {task.title}
                {task.dueDate ? ` (due ${formatDate(task.dueDate)})` : ''}
              </label>
            </li>
          ))}
        </ul>
      ) : null}
      {props.canEdit ? (
        <form
          className="form"
          onSubmit={onSubmit(() => {
            setSaved(null);
            log.mutate();
          })}
        >
          <h3>Log a conversation</h3>
          <Field label="How">
            {(control) => (
              <select {...control} value={channel} onChange={(e) => setChannel(e.target.value)}>
                {Object.entries(channelLabels).map(([value, label]) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Day" hint="Leave empty for today.">
            {(control) => <input {...control} type="date" value={day} onChange={(e) => setDay(e.target.value)} />}
          </Field>
          <Field label="Time" hint="Leave empty if you don't know it.">
            {(control) => <input {...control} type="time" value={time} onChange={(e) => setTime(e.target.value)} />}
          </Field>
          <fieldset>
            <legend>Issues raised</legend>
            <div className="checkbox-grid">
              {props.suggested.map((issue) => (
                <div key={issue} className="checkbox">
                  <input
                    id={`issue-${issue}`}
                    type="checkbox"
                    checked={issues.includes(issue)}
                    onChange={(e) => setIssues(e.target.checked ? [...issues, issue] : issues.filter((i) => i !== issue))}
                  />
                  <label htmlFor={`issue-${issue}`}>{issue}</label>
                </div>
              ))}
            </div>
          </fieldset>
          <Field label="Notes">{(control) => <textarea {...control} value={notes} onChange={(e) => setNotes(e.target.value)} rows={3} maxLength={10000} />}</Field>
          <Field label="Next step">{(control) => <input {...control} value={nextStep} onChange={(e) => setNextStep(e.target.value)} maxLength={1000} />}</Field>
          <Field label="Follow-up task" hint="Optional; assigned to you.">
            {(control) => <input {...control} value={followUp} onChange={(e) => setFollowUp(e.target.value)} maxLength={300} />}
          </Field>
          <Field label="Due">{(control) => <input {...control} type="date" value={due} onChange={(e) => setDue(e.target.value)} />}</Field>
          <div className="form-actions">
            <button type="submit" className="button-primary" disabled={log.isPending}>
              Log conversation
            </button>
          </div>
        </form>
      ) : null}
      <ul>
        {props.detail.conversations?.map((c) => (
          <li key={c.id}>
            <strong>{c.occurredOn ? formatDate(c.occurredOn) : formatDateTime(c.occurredAt)}</strong>, {channelLabels[c.channel] ?? c.channel} with {c.organizer}
            {c.issues.length > 0 ? ` · ${c.issues.join(', ')}` : ''}
            {c.notes ? <div>{c.notes}</div> : null}
            {c.nextStep ? <div className="subtle">Next: {c.nextStep}</div> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
