import { useState } from 'react';
import { Link } from 'react-router';
import '../organizing.css';
import { ErrorNotice, SuccessNotice } from '../components/error-notice.js';
import { Field } from '../components/field.js';
import { PageHeader } from '../components/page-header.js';
import { QueryStatus } from '../components/status.js';
import { api, campaignPath } from '../lib/api.js';
import { useCampaign } from '../lib/campaign.js';
import { channelLabels, levelNames, personPagePath, type PersonDetail } from '../lib/organizing-types.js';
import { apiKey, lastError, onSubmit, useApiMutation, useApiQuery } from '../lib/query.js';

type Lists = { lists: { accountId: string; people: { personId: string; name: string }[] }[] };

/** A phone number as a tel:/sms: target: digits and a leading +, nothing else. */
const dialable = (phone: string): string => phone.replace(/[^\d+]/g, '');

/**
 * "My list" (/my-list): a committee member's own people, made for a phone — call or text in one tap,
 * and log the conversation (how, what happened, a rating when they may set one, the next step)
 * right there. Each person's card loads their page, so each view is audited as one.
 */
export function MyListPage() {
  const campaign = useCampaign();
  const lists = useApiQuery<Lists>(campaignPath(campaign.slug, '/committee-lists'));
  const people = lists.data?.lists.find((l) => l.people.length > 0)?.people ?? [];
  return (
    <>
      <PageHeader title="My list" intro="The coworkers you organize. Call, text, and log how it went." />
      <QueryStatus query={lists} />
      {lists.data && people.length === 0 ? <p>No one is on your list yet. An organizer assigns people to you.</p> : null}
      <ul className="my-list">
        {people.map((p) => (
          <MyListPerson key={p.personId} personId={p.personId} name={p.name} slug={campaign.slug} canRate={campaign.can('assessments.edit')} />
        ))}
      </ul>
    </>
  );
}

function MyListPerson(props: { personId: string; name: string; slug: string; canRate: boolean }) {
  const detail = useApiQuery<PersonDetail>(campaignPath(props.slug, `/people/${props.personId}`));
  const [open, setOpen] = useState(false);
  const [saved, setSaved] = useState(false);
  const phone = detail.data?.person.phone ?? null;
  const latest = detail.data?.latestAssessment ?? null;
  return (
    <li className="my-list-person">
      <h2>
        <Link to={personPagePath(props.slug, props.personId)}>{props.name}</Link>
      </h2>
      {latest?.level ? <p>Rating: {levelNames[String(latest.level)]}</p> : null}
      <p className="my-list-actions">
        {phone ? (
          <>
            <a className="button" href={`tel:${dialable(phone)}`}>
              Call {props.name}
            </a>{' '}
            <a className="button" href={`sms:${dialable(phone)}`}>
              Text {props.name}
            </a>
          </>
        ) : detail.data ? (
          'No phone on file.'
        ) : null}{' '}
        <button type="button" aria-expanded={open} onClick={() => setOpen(!open)}>
          Log a conversation with {props.name}
        </button>
      </p>
      {saved ? <SuccessNotice>Conversation logged.</SuccessNotice> : null}
      {open ? (
        <LogForm
          {...props}
          onSaved={() => {
            setOpen(false);
            setSaved(true);
          }}
        />
      ) : null}
    </li>
  );
}

function LogForm(props: { personId: string; name: string; slug: string; canRate: boolean; onSaved: () => void }) {
  const [channel, setChannel] = useState('one_on_one');
  const [notes, setNotes] = useState('');
  const [level, setLevel] = useState('');
  const [nextStep, setNextStep] = useState('');
  const person = campaignPath(props.slug, `/people/${props.personId}`);
  const invalidates = [apiKey(person), apiKey(campaignPath(props.slug, '/coverage')), apiKey(campaignPath(props.slug, '/wall-chart')), apiKey('/api/me/tasks')];
  const log = useApiMutation({
    mutationFn: async () => {
      // One after another: the rating only once the conversation is saved.
      await api.post(`${person}/conversations`, { channel, issues: [], notes, nextStep, followUps: [] });
      if (props.canRate && level) await api.post(`${person}/assessments`, { level: level === 'unknown' ? 'unknown' : Number(level), note: notes });
    },
    invalidates,
    onSuccess: props.onSaved,
  });
  return (
    <form className="my-list-form" aria-label={`Conversation with ${props.name}`} onSubmit={onSubmit(() => log.mutate())}>
      <ErrorNotice error={lastError(log)} />
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
      <Field label="What happened">{(control) => <textarea {...control} rows={2} value={notes} onChange={(e) => setNotes(e.target.value)} />}</Field>
      {props.canRate ? (
        <Field label="Rating">
          {(control) => (
            <select {...control} value={level} onChange={(e) => setLevel(e.target.value)}>
              <option value="">No change</option>
              {Object.entries(levelNames).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : null}
      <Field label="Next step">{(control) => <input {...control} value={nextStep} onChange={(e) => setNextStep(e.target.value)} />}</Field>
      <button type="submit" disabled={log.isPending}>
        Save conversation
      </button>
    </form>
  );
}
