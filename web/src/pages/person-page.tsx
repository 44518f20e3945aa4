import { useState, type FormEvent } from 'react';
import '../organizing.css';
import { ErrorNotice, SuccessNotice } from '../components/error-notice.js';
import { Field } from '../components/field.js';
import { PageHeader } from '../components/page-header.js';
import { LoadError, Loading } from '../components/status.js';
import { api, ApiError, campaignPath } from '../lib/api.js';
import { useCampaign } from '../lib/campaign.js';
import { formatDate, formatDateTime } from '../lib/format.js';
import { channelLabels, levelNames, type PersonDetail, type Task } from '../lib/organizing-types.js';
import { Link, useLocation } from '../lib/router.js';
import { useApi } from '../lib/use-api.js';

const asApiError = (err: unknown): ApiError => (err instanceof ApiError ? err : new ApiError(0, 'internal', 'Something went wrong. Try again.'));

/** One educator: where they work (history), the latest rating and its history, conversations and tasks. */
export function PersonPage() {
  const campaign = useCampaign();
  const { pathname } = useLocation();
  const personId = pathname.split('/').filter(Boolean)[4] ?? '';
  const { data, error, reload } = useApi<PersonDetail>(personId ? campaignPath(campaign.slug, `/people/${personId}`) : null);
  const issues = useApi<{ issues: string[]; channels: string[] }>(campaign.can('conversations.view') ? campaignPath(campaign.slug, '/conversation-issues') : null);

  if (error) {
    return (
      <>
        <PageHeader title="Person" />
        <LoadError error={error} retry={reload} />
      </>
    );
  }
  if (!data) return <Loading label="Loading…" />;
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

      {data.assessments ? <AssessmentSection detail={data} slug={campaign.slug} canRate={campaign.can('assessments.edit')} onSaved={reload} /> : null}
      {data.conversations ? (
        <ConversationSection detail={data} slug={campaign.slug} suggested={issues.data?.issues ?? []} canEdit={campaign.can('conversations.edit')} onSaved={reload} />
      ) : null}
    </>
  );
}

function AssessmentSection(props: { detail: PersonDetail; slug: string; canRate: boolean; onSaved: () => void }) {
  const [level, setLevel] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState(false);
  const latest = props.detail.latestAssessment;

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    setError(null);
    setSaved(false);
    try {
      await api.post(campaignPath(props.slug, `/people/${props.detail.person.id}/assessments`), { level: level === 'unknown' ? 'unknown' : Number(level), note });
      setLevel('');
      setNote('');
      setSaved(true);
      props.onSaved();
    } catch (err) {
      setError(asApiError(err));
    }
  }

  return (
    <section className="section" aria-labelledby="assessment-heading">
      <h2 id="assessment-heading">Support assessment</h2>
      <p>
        Latest: <strong>{latest?.level ? levelNames[String(latest.level)] : 'Unknown'}</strong>
        {latest?.assessedAt ? ` (${formatDateTime(latest.assessedAt)}, ${latest.assessedBy ?? 'someone'})` : ''}
      </p>
      {saved ? <SuccessNotice>Rating saved.</SuccessNotice> : null}
      <ErrorNotice error={error} />
      {props.canRate ? (
        <form className="inline-form" onSubmit={(e) => void submit(e)}>
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
          <button type="submit" className="button-primary">
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

function ConversationSection(props: { detail: PersonDetail; slug: string; suggested: string[]; canEdit: boolean; onSaved: () => void }) {
  const [channel, setChannel] = useState('one_on_one');
  const [when, setWhen] = useState('');
  const [issues, setIssues] = useState<string[]>([]);
  const [notes, setNotes] = useState('');
  const [nextStep, setNextStep] = useState('');
  const [followUp, setFollowUp] = useState('');
  const [due, setDue] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    setError(null);
    setSaved(null);
    try {
      await api.post(campaignPath(props.slug, `/people/${props.detail.person.id}/conversations`), {
        channel,
        occurredAt: when ? new Date(when).toISOString() : undefined,
        issues,
        notes,
        nextStep,
        followUps: followUp ? [{ title: followUp, dueDate: due || null }] : [],
      });
      setIssues([]);
      setNotes('');
      setNextStep('');
      setFollowUp('');
      setDue('');
      setSaved('Conversation logged.');
      props.onSaved();
    } catch (err) {
      setError(asApiError(err));
    }
  }

  async function toggle(task: Task): Promise<void> {
    try {
      await api.patch(campaignPath(props.slug, `/tasks/${task.id}`), { done: !task.done });
      props.onSaved();
    } catch (err) {
      setError(asApiError(err));
    }
  }

  return (
    <section className="section" aria-labelledby="conversations-heading">
      <h2 id="conversations-heading">Conversations and tasks</h2>
      {saved ? <SuccessNotice>{saved}</SuccessNotice> : null}
      <ErrorNotice error={error} />
      {props.detail.tasks && props.detail.tasks.length > 0 ? (
        <ul className="choices">
          {props.detail.tasks.map((task) => (
            <li key={task.id} className="checkbox">
              <input id={`task-${task.id}`} type="checkbox" checked={task.done} onChange={() => void toggle(task)} disabled={!props.canEdit} />
              <label htmlFor={`task-${task.id}`}>
                {task.title}
                {task.dueDate ? ` (due ${formatDate(task.dueDate)})` : ''}
              </label>
            </li>
          ))}
        </ul>
      ) : null}
      {props.canEdit ? (
        <form className="form" onSubmit={(e) => void submit(e)}>
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
          <Field label="When" hint="Leave empty for now.">
            {(control) => <input {...control} type="datetime-local" value={when} onChange={(e) => setWhen(e.target.value)} />}
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
            <button type="submit" className="button-primary">
              Log conversation
            </button>
          </div>
        </form>
      ) : null}
      <ul>
        {props.detail.conversations?.map((c) => (
          <li key={c.id}>
            <strong>{formatDateTime(c.occurredAt)}</strong>, {channelLabels[c.channel] ?? c.channel} with {c.organizer}
            {c.issues.length > 0 ? ` · ${c.issues.join(', ')}` : ''}
            {c.notes ? <div>{c.notes}</div> : null}
            {c.nextStep ? <div className="subtle">Next: {c.nextStep}</div> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
