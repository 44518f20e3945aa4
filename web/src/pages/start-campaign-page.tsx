import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { CampaignSummary } from '#contracts/campaigns.js';
import { ErrorNotice } from '../components/error-notice.js';
import { Field } from '../components/field.js';
import { PageHeader } from '../components/page-header.js';
import { api } from '../lib/api.js';
import { onSubmit, useApiMutation } from '../lib/query.js';
import { useSessionState } from '../lib/session.js';

/** "Start your own campaign": the first step of set-up; employers, schools, unit and card text follow on the campaign's Set-up page. */
export function StartCampaignPage() {
  const navigate = useNavigate();
  const { refresh } = useSessionState();
  const [draft, setDraft] = useState({ name: '', slug: '', timeZone: 'America/Los_Angeles', goalPercent: '65', jurisdiction: 'ca_perb' });
  const [slugTouched, setSlugTouched] = useState(false);
  const create = useApiMutation({
    mutationFn: () =>
      api.post<{ campaign: CampaignSummary }>('/api/campaigns', {
        name: draft.name,
        slug: draft.slug,
        timeZone: draft.timeZone,
        goalPercent: Number(draft.goalPercent),
        jurisdiction: draft.jurisdiction,
      }),
    fallback: 'Could not start the campaign.',
    onSuccess: (result) => {
      // The new membership must be in the session before the campaign's pages open.
      void refresh().then(() => navigate(`/app/c/${encodeURIComponent(result.campaign.slug)}/setup`));
    },
  });
  const error = create.error;
  return (
    <>
      <PageHeader
        title="Start your own campaign"
        intro={<p>Step 1 of 5: name the campaign. Then add its employers, schools, bargaining unit and card text; everything can be changed later under Set-up.</p>}
      />
      <ErrorNotice error={error} fields={{ name: { label: 'Campaign name', id: 'new-name' }, slug: { label: 'Web address', id: 'new-slug' }, goalPercent: { label: 'Goal', id: 'new-goal' } }} />
      <form className="form editor" onSubmit={onSubmit(() => create.mutate())} noValidate>
        <Field label="Campaign name" id="new-name" hint="As the public site shows it, e.g. Valley Charter Educators United." error={error?.fieldReason('name')}>
          {(control) => (
            <input
              {...control}
              value={draft.name}
              onChange={(e) => setDraft({ ...draft, name: e.target.value, slug: slugTouched ? draft.slug : toSlug(e.target.value) })}
              required
            />
          )}
        </Field>
        <Field label="Web address" id="new-slug" hint="The end of the public site’s address: lower-case letters, digits and dashes." error={error?.fieldReason('slug')}>
          {(control) => (
            <input
              {...control}
              value={draft.slug}
              onChange={(e) => {
                setSlugTouched(true);
                setDraft({ ...draft, slug: e.target.value });
              }}
              required
            />
          )}
        </Field>
        <Field label="Where the campaign files" id="new-jurisdiction" hint="The default for its employers; each employer can differ.">
          {(control) => (
            <select {...control} value={draft.jurisdiction} onChange={(e) => setDraft({ ...draft, jurisdiction: e.target.value })}>
              <option value="ca_perb">California PERB (public school employers, EERA)</option>
              <option value="nlrb">NLRB (private employers, NLRA)</option>
            </select>
          )}
        </Field>
        <Field label="Time zone" id="new-zone" error={error?.fieldReason('timeZone')}>
          {(control) => <input {...control} value={draft.timeZone} onChange={(e) => setDraft({ ...draft, timeZone: e.target.value })} />}
        </Field>
        <Field label="Goal (percent of the unit)" id="new-goal" hint="A majority is 50% + 1; most campaigns aim higher before filing." error={error?.fieldReason('goalPercent')}>
          {(control) => <input {...control} type="number" min={51} max={100} value={draft.goalPercent} onChange={(e) => setDraft({ ...draft, goalPercent: e.target.value })} />}
        </Field>
        <div className="form-actions">
          <button type="submit" className="button-primary" disabled={create.isPending}>
            Start the campaign
          </button>
        </div>
      </form>
    </>
  );
}

function toSlug(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/gu, '-')
    .replace(/^-+|-+$/gu, '')
    .slice(0, 60);
}
