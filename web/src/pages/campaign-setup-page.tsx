import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { CampaignSetup, SetupEmployer, SetupUnit, SetupWorksite } from '#contracts/campaign-setup.js';
import { DEMO_SLUG } from '#vocabulary/demo.js';
import { DataTable } from '../components/data-table.js';
import { ErrorNotice, InfoNotice } from '../components/error-notice.js';
import { Field } from '../components/field.js';
import { PageHeader } from '../components/page-header.js';
import { QueryStatus } from '../components/status.js';
import { api, campaignPath } from '../lib/api.js';
import { useCampaign } from '../lib/campaign.js';
import { apiKey, onSubmit, useApiMutation, useApiQuery } from '../lib/query.js';
import { useSessionState } from '../lib/session.js';

const jurisdictionNames = { ca_perb: 'PERB', nlrb: 'NLRB' } as const;

/**
 * The campaign's set-up, in the order a new campaign fills it in: settings, employers, schools,
 * bargaining unit, card text, then the roster. Each part saves on its own and can be changed later.
 */
export function CampaignSetupPage() {
  const campaign = useCampaign();
  const setup = useApiQuery<CampaignSetup>(campaignPath(campaign.slug, '/setup'));
  const data = setup.data;
  return (
    <>
      <PageHeader title="Set-up" intro={<p>What the campaign is, who the employers are, its schools, the bargaining unit and the card text. Everything here can be changed later.</p>} />
      <QueryStatus query={setup} />
      {data ? (
        <>
          <SettingsSection setup={data} />
          <EmployersSection setup={data} />
          <WorksitesSection setup={data} />
          <UnitsSection setup={data} />
          <section className="section" aria-labelledby="setup-card">
            <h2 id="setup-card">5. Card text</h2>
            <p>
              {data.cardTexts.filter((t) => t.approvedAt).length > 0
                ? `Approved in: ${[...new Set(data.cardTexts.filter((t) => t.approvedAt).map((t) => (t.language === 'es' ? 'Spanish' : 'English')))].join(', ')}.`
                : 'No approved card text yet: nobody can sign a card until one is approved.'}{' '}
              <Link to={`/app/c/${encodeURIComponent(campaign.slug)}/cards/texts`}>Write and approve the card text</Link>
            </p>
          </section>
          <section className="section" aria-labelledby="setup-roster">
            <h2 id="setup-roster">6. The roster</h2>
            <p>
              <Link to={`/app/c/${encodeURIComponent(campaign.slug)}/roster-import`}>Import the staff list</Link> (CSV): its school names must match the schools above.
            </p>
          </section>
          {campaign.slug === DEMO_SLUG ? <RemoveDemoSection /> : null}
        </>
      ) : null}
    </>
  );
}

function useSetupKey() {
  return apiKey(campaignPath(useCampaign().slug, '/setup'));
}

function SettingsSection(props: { setup: CampaignSetup }) {
  const campaign = useCampaign();
  const s = props.setup.settings;
  const [draft, setDraft] = useState({ name: s.name, statement: s.statement, statementEs: s.statementEs, timeZone: s.timeZone, goalPercent: String(s.goalPercent), cardValidityMonths: String(s.cardValidityMonths), mailSenderName: s.mailSenderName ?? '', mailReplyTo: s.mailReplyTo ?? '', brandColor: s.brandColor });
  const [saved, setSaved] = useState(false);
  const save = useApiMutation({
    mutationFn: () =>
      api.put(campaignPath(campaign.slug, '/settings'), {
        name: draft.name,
        statement: draft.statement,
        statementEs: draft.statementEs,
        timeZone: draft.timeZone,
        goalPercent: Number(draft.goalPercent),
        cardValidityMonths: Number(draft.cardValidityMonths),
        mailSenderName: draft.mailSenderName === '' ? null : draft.mailSenderName,
        mailReplyTo: draft.mailReplyTo === '' ? null : draft.mailReplyTo,
        brandColor: draft.brandColor,
      }),
    fallback: 'Could not save the settings.',
    invalidates: [useSetupKey(), apiKey(campaignPath(campaign.slug))],
    onSuccess: () => setSaved(true),
  });
  const error = save.error;
  return (
    <form className="form editor" onSubmit={onSubmit(() => save.mutate())} aria-labelledby="setup-settings" noValidate>
      <h2 id="setup-settings">1. The campaign</h2>
      {saved && !error ? <InfoNotice>Saved.</InfoNotice> : null}
      <ErrorNotice error={error} />
      <Field label="Public name" error={error?.fieldReason('name')}>
        {(control) => <input {...control} value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} />}
      </Field>
      <Field label="Public statement" hint="What the public home page says the campaign is for.">
        {(control) => <textarea {...control} rows={3} value={draft.statement} onChange={(e) => setDraft({ ...draft, statement: e.target.value })} />}
      </Field>
      <Field label="Public statement in Spanish" hint="What visitors reading the site in Spanish see; leave empty and they see the English one.">
        {(control) => <textarea {...control} rows={3} lang="es" value={draft.statementEs} onChange={(e) => setDraft({ ...draft, statementEs: e.target.value })} />}
      </Field>
      <Field label="Time zone" error={error?.fieldReason('timeZone')}>
        {(control) => <input {...control} value={draft.timeZone} onChange={(e) => setDraft({ ...draft, timeZone: e.target.value })} />}
      </Field>
      <Field label="Goal (percent)" error={error?.fieldReason('goalPercent')}>
        {(control) => <input {...control} type="number" min={51} max={100} value={draft.goalPercent} onChange={(e) => setDraft({ ...draft, goalPercent: e.target.value })} />}
      </Field>
      <Field label="Cards count for (months)" hint="PERB and the NLRB count a card for a year." error={error?.fieldReason('cardValidityMonths')}>
        {(control) => <input {...control} type="number" min={1} max={24} value={draft.cardValidityMonths} onChange={(e) => setDraft({ ...draft, cardValidityMonths: e.target.value })} />}
      </Field>
      <Field label="Mail sender name" hint="Who the campaign’s mail says it is from.">
        {(control) => <input {...control} value={draft.mailSenderName} onChange={(e) => setDraft({ ...draft, mailSenderName: e.target.value })} />}
      </Field>
      <Field label="Reply-To address" hint="Where replies to the campaign’s mail go: a union address, never a school one." error={error?.fieldReason('mailReplyTo')}>
        {(control) => <input {...control} type="email" value={draft.mailReplyTo} onChange={(e) => setDraft({ ...draft, mailReplyTo: e.target.value })} />}
      </Field>
      <Field label="Newsletter color" hint="The accent color of the newsletter email." error={error?.fieldReason('brandColor')}>
        {(control) => <input {...control} type="color" value={draft.brandColor} onChange={(e) => setDraft({ ...draft, brandColor: e.target.value })} />}
      </Field>
      {/* How this server sends: set in its configuration, so shown, not edited. */}
      <p className="field-hint" id="setup-dkim">
        Mail is sent from {props.setup.mail.from}.{' '}
        {props.setup.mail.dkim
          ? `It is signed with DKIM for ${props.setup.mail.dkim.domain} (selector ${props.setup.mail.dkim.selector}), as the big mailbox providers require for newsletters.`
          : 'It is not signed with DKIM: ask whoever runs this server to set DKIM_DOMAIN, DKIM_SELECTOR and DKIM_PRIVATE_KEY, or newsletters may land in spam.'}
      </p>
      <div className="form-actions">
        <button type="submit" className="button-primary" disabled={save.isPending}>
          Save the campaign
        </button>
      </div>
    </form>
  );
}

function EmployersSection(props: { setup: CampaignSetup }) {
  const campaign = useCampaign();
  const [draft, setDraft] = useState({ name: '', jurisdiction: props.setup.settings.jurisdiction as string, domains: '' });
  const add = useApiMutation({
    mutationFn: () => api.post(campaignPath(campaign.slug, '/employers'), { name: draft.name, jurisdiction: draft.jurisdiction, emailDomains: draft.domains.split(/[\s,]+/u).filter(Boolean) }),
    fallback: 'Could not add the employer.',
    invalidates: [useSetupKey()],
    onSuccess: () => setDraft({ ...draft, name: '', domains: '' }),
  });
  const { editing, edit, done, notice, removal } = useRowChanges('employers', props.setup.employers);
  return (
    <section className="section" aria-labelledby="setup-employers">
      <h2 id="setup-employers">2. Employers</h2>
      <p>Under California’s EERA each charter school can be its own employer (PERB); under the NLRA a network may be one employer (NLRB).</p>
      <RowNotices removal={removal} notice={notice} />
      {props.setup.employers.length > 0 ? (
        <DataTable caption="Employers" columns={['Employer', 'Files with', 'Its email domains']} actions="Change or remove">
          {props.setup.employers.map((e) => (
            <tr key={e.id}>
              <th scope="row">{e.name}</th>
              <td>{jurisdictionNames[e.jurisdiction]}</td>
              <td>{e.emailDomains.join(', ') || '—'}</td>
              <td className="row-actions">
                <RowActions row={e} removal={removal} onEdit={() => edit(e.id)} />
              </td>
            </tr>
          ))}
        </DataTable>
      ) : null}
      {editing ? <EmployerEditor key={editing.id} employer={editing} onDone={done} /> : null}
      <form className="form" onSubmit={onSubmit(() => add.mutate())} aria-label="Add an employer" noValidate>
        <ErrorNotice error={add.error} />
        <Field label="Employer name" error={add.error?.fieldReason('name')}>
          {(control) => <input {...control} value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} />}
        </Field>
        <Field label="Files with">
          {(control) => (
            <select {...control} value={draft.jurisdiction} onChange={(e) => setDraft({ ...draft, jurisdiction: e.target.value })}>
              <option value="ca_perb">PERB</option>
              <option value="nlrb">NLRB</option>
            </select>
          )}
        </Field>
        <Field label="Email domains it controls" hint="e.g. northcharter.org; card confirmations are never sent there, since the employer reads that mail.">
          {(control) => <input {...control} value={draft.domains} onChange={(e) => setDraft({ ...draft, domains: e.target.value })} />}
        </Field>
        <div className="form-actions">
          <button type="submit" className="button-secondary" disabled={add.isPending}>
            Add the employer
          </button>
        </div>
      </form>
    </section>
  );
}

function WorksitesSection(props: { setup: CampaignSetup }) {
  const campaign = useCampaign();
  const [list, setList] = useState('');
  const employerName = new Map(props.setup.employers.map((e) => [e.id, e.name]));
  const add = useApiMutation({
    mutationFn: () => api.post(campaignPath(campaign.slug, '/worksites'), { list }),
    fallback: 'Could not add the schools.',
    invalidates: [useSetupKey(), apiKey(campaignPath(campaign.slug))],
    onSuccess: () => setList(''),
  });
  const { editing, edit, done, notice, removal } = useRowChanges('worksites', props.setup.worksites);
  return (
    <section className="section" aria-labelledby="setup-schools">
      <h2 id="setup-schools">3. Schools</h2>
      <RowNotices removal={removal} notice={notice} />
      {props.setup.worksites.length > 0 ? (
        <DataTable caption="Schools" columns={['School', 'City', 'Employer']} actions="Change or remove">
          {props.setup.worksites.map((w) => (
            <tr key={w.id}>
              <th scope="row">{w.name}</th>
              <td>{w.city ?? '—'}</td>
              <td>{employerName.get(w.employerId) ?? '—'}</td>
              <td className="row-actions">
                <RowActions row={w} removal={removal} onEdit={() => edit(w.id)} />
              </td>
            </tr>
          ))}
        </DataTable>
      ) : null}
      {editing ? <WorksiteEditor key={editing.id} worksite={editing} employers={props.setup.employers} onDone={done} /> : null}
      <form className="form" onSubmit={onSubmit(() => add.mutate())} aria-label="Add schools" noValidate>
        <ErrorNotice error={add.error} />
        <Field
          label="Schools to add"
          hint={props.setup.employers.length > 1 ? 'One per line: name, city, employer (or paste from a spreadsheet).' : 'One per line: name, city (or paste from a spreadsheet).'}
          error={add.error?.fields.length ? add.error.fields.map((f) => `${f.field.replace(/^worksites\.(\d+)\./u, (_m, n: string) => `line ${Number(n) + 1}: `)} ${f.reason}`).join('; ') : undefined}
        >
          {(control) => <textarea {...control} rows={5} value={list} onChange={(e) => setList(e.target.value)} />}
        </Field>
        <div className="form-actions">
          <button type="submit" className="button-secondary" disabled={add.isPending || list.trim() === ''}>
            Add the schools
          </button>
        </div>
      </form>
    </section>
  );
}

function UnitsSection(props: { setup: CampaignSetup }) {
  const campaign = useCampaign();
  const [draft, setDraft] = useState({ name: '', description: '', jobTitles: '', appliesFrom: '' });
  const add = useApiMutation({
    mutationFn: () =>
      api.post(campaignPath(campaign.slug, '/units'), {
        name: draft.name,
        description: draft.description,
        jobTitles: draft.jobTitles.split(/\n|,/u).map((t) => t.trim()).filter(Boolean),
        ...(draft.appliesFrom ? { appliesFrom: draft.appliesFrom } : {}),
      }),
    fallback: 'Could not add the unit.',
    invalidates: [useSetupKey(), apiKey(campaignPath(campaign.slug))],
    onSuccess: () => setDraft({ name: '', description: '', jobTitles: '', appliesFrom: '' }),
  });
  const { editing, edit, done, notice, removal } = useRowChanges('units', props.setup.units);
  return (
    <section className="section" aria-labelledby="setup-units">
      <h2 id="setup-units">4. Bargaining unit</h2>
      <RowNotices removal={removal} notice={notice} />
      {props.setup.units.length > 0 ? (
        <DataTable caption="Bargaining units" columns={['Unit', 'Job titles', 'Applies from']} actions="Change or remove">
          {props.setup.units.map((u) => (
            <tr key={u.id}>
              <th scope="row">{u.name}</th>
              <td>{u.jobTitles.join(', ') || 'any'}</td>
              <td>{u.appliesFrom ?? '—'}</td>
              <td className="row-actions">
                <RowActions row={u} removal={removal} onEdit={() => edit(u.id)} />
              </td>
            </tr>
          ))}
        </DataTable>
      ) : null}
      {editing ? <UnitEditor key={editing.id} unit={editing} onDone={done} /> : null}
      <form className="form" onSubmit={onSubmit(() => add.mutate())} aria-label="Add a bargaining unit" noValidate>
        <ErrorNotice error={add.error} />
        <Field label="Unit name" error={add.error?.fieldReason('name')}>
          {(control) => <input {...control} value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} />}
        </Field>
        <Field label="Who is in it" hint="As the petition would describe the unit.">
          {(control) => <input {...control} value={draft.description} onChange={(e) => setDraft({ ...draft, description: e.target.value })} />}
        </Field>
        <Field label="Job titles it includes" hint="Comma-separated; a roster import puts new people with these titles in the unit.">
          {(control) => <input {...control} value={draft.jobTitles} onChange={(e) => setDraft({ ...draft, jobTitles: e.target.value })} />}
        </Field>
        <Field label="Applies from" error={add.error?.fieldReason('appliesFrom')}>
          {(control) => <input {...control} type="date" value={draft.appliesFrom} onChange={(e) => setDraft({ ...draft, appliesFrom: e.target.value })} />}
        </Field>
        <div className="form-actions">
          <button type="submit" className="button-secondary" disabled={add.isPending}>
            Add the unit
          </button>
        </div>
      </form>
    </section>
  );
}

type SetupRow = { id: string; name: string };

/** What the server names when it refuses a removal (409 in_use): the rows that still use it. */
const usageLabels = { people: { label: 'People:' }, cards: { label: 'Cards:' }, incidents: { label: 'Evidence log:' }, worksites: { label: 'Schools:' } };

/**
 * The changes a set-up table offers per row: change it (a form below the table) or remove it
 * (asked once more). A refused removal says what still uses the row, above the table.
 */
function useRowChanges<R extends SetupRow>(kind: 'employers' | 'worksites' | 'units', rows: R[]) {
  const campaign = useCampaign();
  const [editingId, setEditingId] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const remove = useApiMutation<SetupRow>({
    mutationFn: (row) => api.delete(campaignPath(campaign.slug, `/${kind}/${encodeURIComponent(row.id)}`)),
    fallback: 'Could not remove it.',
    invalidates: [useSetupKey(), apiKey(campaignPath(campaign.slug))],
    onSuccess: (_result, row) => {
      setConfirming(null);
      if (editingId === row.id) setEditingId(null);
      setNotice(`Removed ${row.name}.`);
    },
  });
  return {
    editing: rows.find((r) => r.id === editingId) ?? null,
    edit: (id: string) => {
      setNotice(null);
      setEditingId(id);
    },
    done: (message: string | null) => {
      setEditingId(null);
      setNotice(message);
    },
    notice,
    removal: {
      confirming,
      ask: (id: string | null) => {
        remove.reset();
        setNotice(null);
        setConfirming(id);
      },
      remove,
    },
  };
}

type Removal = ReturnType<typeof useRowChanges>['removal'];

function RowNotices(props: { removal: Removal; notice: string | null }) {
  return (
    <>
      {props.notice ? <InfoNotice>{props.notice}</InfoNotice> : null}
      <ErrorNotice error={props.removal.remove.error} fields={usageLabels} />
    </>
  );
}

function RowActions(props: { row: SetupRow; removal: Removal; onEdit: () => void }) {
  const { row, removal } = props;
  if (removal.confirming === row.id) {
    return (
      <>
        <button type="button" className="button-secondary" disabled={removal.remove.isPending} onClick={() => removal.remove.mutate({ id: row.id, name: row.name })}>
          Yes, remove {row.name}
        </button>{' '}
        <button type="button" className="button-link" onClick={() => removal.ask(null)}>
          Keep it
        </button>
      </>
    );
  }
  return (
    <>
      <button type="button" className="button-link" aria-label={`Change ${row.name}`} onClick={props.onEdit}>
        Change
      </button>{' '}
      <button type="button" className="button-link" aria-label={`Remove ${row.name}`} onClick={() => removal.ask(row.id)}>
        Remove…
      </button>
    </>
  );
}

function EditorActions(props: { pending: boolean; onCancel: () => void }) {
  return (
    <div className="form-actions">
      <button type="submit" className="button-primary" disabled={props.pending}>
        Save the change
      </button>{' '}
      <button type="button" className="button-link" onClick={props.onCancel}>
        Cancel
      </button>
    </div>
  );
}

function EmployerEditor(props: { employer: SetupEmployer; onDone: (message: string | null) => void }) {
  const campaign = useCampaign();
  const e = props.employer;
  const [draft, setDraft] = useState({ name: e.name, jurisdiction: e.jurisdiction as string, domains: e.emailDomains.join(', ') });
  const save = useApiMutation({
    mutationFn: () => api.patch(campaignPath(campaign.slug, `/employers/${encodeURIComponent(e.id)}`), { name: draft.name, jurisdiction: draft.jurisdiction, emailDomains: draft.domains.split(/[\s,]+/u).filter(Boolean) }),
    fallback: 'Could not save the employer.',
    invalidates: [useSetupKey()],
    onSuccess: () => props.onDone(`Saved ${draft.name.trim()}.`),
  });
  return (
    <form className="form" onSubmit={onSubmit(() => save.mutate())} aria-label={`Change ${e.name}`} noValidate>
      <h3>Change {e.name}</h3>
      <ErrorNotice error={save.error} />
      <Field label="Employer name" error={save.error?.fieldReason('name')}>
        {(control) => <input {...control} value={draft.name} onChange={(ev) => setDraft({ ...draft, name: ev.target.value })} />}
      </Field>
      <Field label="Files with">
        {(control) => (
          <select {...control} value={draft.jurisdiction} onChange={(ev) => setDraft({ ...draft, jurisdiction: ev.target.value })}>
            <option value="ca_perb">PERB</option>
            <option value="nlrb">NLRB</option>
          </select>
        )}
      </Field>
      <Field label="Email domains it controls" hint="Separated by commas or spaces.">
        {(control) => <input {...control} value={draft.domains} onChange={(ev) => setDraft({ ...draft, domains: ev.target.value })} />}
      </Field>
      <EditorActions pending={save.isPending} onCancel={() => props.onDone(null)} />
    </form>
  );
}

function WorksiteEditor(props: { worksite: SetupWorksite; employers: SetupEmployer[]; onDone: (message: string | null) => void }) {
  const campaign = useCampaign();
  const w = props.worksite;
  const [draft, setDraft] = useState({ name: w.name, city: w.city ?? '', employerId: w.employerId });
  const save = useApiMutation({
    mutationFn: () => api.patch(campaignPath(campaign.slug, `/worksites/${encodeURIComponent(w.id)}`), { name: draft.name, city: draft.city.trim() === '' ? null : draft.city, employerId: draft.employerId }),
    fallback: 'Could not save the school.',
    invalidates: [useSetupKey(), apiKey(campaignPath(campaign.slug))],
    onSuccess: () => props.onDone(`Saved ${draft.name.trim()}.`),
  });
  return (
    <form className="form" onSubmit={onSubmit(() => save.mutate())} aria-label={`Change ${w.name}`} noValidate>
      <h3>Change {w.name}</h3>
      <ErrorNotice error={save.error} />
      <Field label="School name" error={save.error?.fieldReason('name')}>
        {(control) => <input {...control} value={draft.name} onChange={(ev) => setDraft({ ...draft, name: ev.target.value })} />}
      </Field>
      <Field label="City">{(control) => <input {...control} value={draft.city} onChange={(ev) => setDraft({ ...draft, city: ev.target.value })} />}</Field>
      <Field label="Employer" hint="Cards already signed keep the employer they were signed with." error={save.error?.fieldReason('employerId')}>
        {(control) => (
          <select {...control} value={draft.employerId} onChange={(ev) => setDraft({ ...draft, employerId: ev.target.value })}>
            {props.employers.map((e) => (
              <option key={e.id} value={e.id}>
                {e.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <EditorActions pending={save.isPending} onCancel={() => props.onDone(null)} />
    </form>
  );
}

function UnitEditor(props: { unit: SetupUnit; onDone: (message: string | null) => void }) {
  const campaign = useCampaign();
  const u = props.unit;
  const [draft, setDraft] = useState({ name: u.name, description: u.description, jobTitles: u.jobTitles.join(', '), appliesFrom: u.appliesFrom ?? '' });
  const save = useApiMutation({
    mutationFn: () =>
      api.patch(campaignPath(campaign.slug, `/units/${encodeURIComponent(u.id)}`), {
        name: draft.name,
        description: draft.description,
        jobTitles: draft.jobTitles.split(/\n|,/u).map((t) => t.trim()).filter(Boolean),
        appliesFrom: draft.appliesFrom === '' ? null : draft.appliesFrom,
      }),
    fallback: 'Could not save the unit.',
    invalidates: [useSetupKey(), apiKey(campaignPath(campaign.slug))],
    onSuccess: () => props.onDone(`Saved ${draft.name.trim()}.`),
  });
  return (
    <form className="form" onSubmit={onSubmit(() => save.mutate())} aria-label={`Change ${u.name}`} noValidate>
      <h3>Change {u.name}</h3>
      <ErrorNotice error={save.error} />
      <Field label="Unit name" error={save.error?.fieldReason('name')}>
        {(control) => <input {...control} value={draft.name} onChange={(ev) => setDraft({ ...draft, name: ev.target.value })} />}
      </Field>
      <Field label="Who is in it">{(control) => <input {...control} value={draft.description} onChange={(ev) => setDraft({ ...draft, description: ev.target.value })} />}</Field>
      <Field label="Job titles it includes" hint="Comma-separated.">
        {(control) => <input {...control} value={draft.jobTitles} onChange={(ev) => setDraft({ ...draft, jobTitles: ev.target.value })} />}
      </Field>
      <Field label="Applies from" error={save.error?.fieldReason('appliesFrom')}>
        {(control) => <input {...control} type="date" value={draft.appliesFrom} onChange={(ev) => setDraft({ ...draft, appliesFrom: ev.target.value })} />}
      </Field>
      <EditorActions pending={save.isPending} onCancel={() => props.onDone(null)} />
    </form>
  );
}

function RemoveDemoSection() {
  const navigate = useNavigate();
  const { refresh } = useSessionState();
  const [confirming, setConfirming] = useState(false);
  const remove = useApiMutation({
    mutationFn: () => api.post('/api/demo/remove'),
    fallback: 'Could not remove the demo.',
    onSuccess: () => void refresh().then(() => navigate('/app/')),
  });
  return (
    <section className="section" aria-labelledby="setup-demo">
      <h2 id="setup-demo">Remove the demo</h2>
      <p>This is the demo campaign. Removing it deletes its fictional people and data; other campaigns are not touched.</p>
      <ErrorNotice error={remove.error} />
      {confirming ? (
        <button type="button" className="button-primary" disabled={remove.isPending} onClick={() => remove.mutate()}>
          Yes, remove the demo campaign
        </button>
      ) : (
        <button type="button" className="button-secondary" onClick={() => setConfirming(true)}>
          Remove the demo…
        </button>
      )}
    </section>
  );
}
