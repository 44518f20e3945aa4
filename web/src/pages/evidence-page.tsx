import { useState, type FormEvent } from 'react';
import { Link, Outlet, useParams, useSearchParams } from 'react-router';
import { DataTable } from '../components/data-table.js';
import { Field } from '../components/field.js';
import { PageHeader } from '../components/page-header.js';
import { EmptyState, QueryStatus } from '../components/status.js';
import { campaignPath, query } from '../lib/api.js';
import { useCampaign } from '../lib/campaign.js';
import type { ConductOptions, Incident } from '../lib/conduct-types.js';
import { formatDate, plural } from '../lib/format.js';
import { useApiQuery } from '../lib/query.js';
import { DeadlineBadge } from './evidence/deadline-badge.js';
import { evidenceBase, useConductOptions } from './evidence/evidence-context.js';
import { IncidentDetail } from './evidence/incident-detail.js';
import { IncidentForm } from './evidence/incident-form.js';
import './evidence/evidence.css';

// The employer-conduct log. Nested routes under /app/c/<slug>/evidence (navigation.ts): the
// timeline, /new, /<id> and /<id>/edit, all inside EvidenceLayout.

/** Loads what every evidence page needs (kinds, schools, agents, laws) once, then shows the page. */
export function EvidenceLayout() {
  const campaign = useCampaign();
  const options = useApiQuery<ConductOptions>(campaignPath(campaign.slug, '/conduct/options'));
  if (!options.data) return <QueryStatus query={options} />;
  return <Outlet context={options.data} />;
}

export function NewIncidentPage() {
  return <IncidentForm />;
}

/** Keyed by the incident, so moving from one to another starts with clean forms. */
export function IncidentPage() {
  const incidentId = useParams().incidentId ?? '';
  return <IncidentDetail key={incidentId} incidentId={incidentId} />;
}

export function EditIncidentPage() {
  const incidentId = useParams().incidentId ?? '';
  return <IncidentForm key={incidentId} incidentId={incidentId} />;
}

const filterKeys = ['worksite', 'kind', 'actor', 'provision', 'status', 'from', 'to'] as const;
type Filters = Record<(typeof filterKeys)[number], string>;

/** The timeline, filtered by the address's query (?kind=…&from=…), so a filtered view can be linked. */
export function EvidenceTimelinePage() {
  const campaign = useCampaign();
  const options = useConductOptions();
  const base = evidenceBase(campaign.slug);
  const [search, setSearch] = useSearchParams();
  const applied = Object.fromEntries(filterKeys.map((k) => [k, search.get(k) ?? ''])) as Filters;
  const [draft, setDraft] = useState<Filters>(applied);
  const qs = query(applied);
  const timeline = useApiQuery<{ incidents: Incident[]; today: string; truncated: boolean }>(campaignPath(campaign.slug, '/conduct/incidents'), { params: applied, keepPrevious: true });
  const { data, error } = timeline;
  const filtered = filterKeys.some((k) => applied[k] !== '');
  const warnings = (data?.incidents ?? []).filter((i) => i.deadline.level === 'warning').length;

  function apply(event: FormEvent): void {
    event.preventDefault();
    setSearch(Object.fromEntries(Object.entries(draft).filter(([, value]) => value !== '')), { replace: true });
  }

  function clear(): void {
    const empty = Object.fromEntries(filterKeys.map((k) => [k, ''])) as Filters;
    setDraft(empty);
    setSearch({}, { replace: true });
  }

  const select = (key: keyof Filters, label: string, all: string, choices: { value: string; label: string }[]) => (
    <Field label={label} error={error?.fieldReason(key)}>
      {(control) => (
        <select {...control} value={draft[key]} onChange={(e) => setDraft({ ...draft, [key]: e.target.value })}>
          <option value="">{all}</option>
          {choices.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );

  const exports = campaign.can('export.individual') ? (
    <div className="export-actions">
      <p className="export-label">Export for counsel{filtered ? ' (these filters)' : ''}:</p>
      <a className="button-secondary" href={campaignPath(campaign.slug, `/conduct/export/chronology.pdf${qs}`)} download>
        Chronology (PDF)
      </a>
      <a className="button-secondary" href={campaignPath(campaign.slug, `/conduct/export/chronology.csv${qs}`)} download>
        Chronology (CSV)
      </a>
      <a className="button-secondary" href={campaignPath(campaign.slug, `/conduct/export/exhibits.zip${qs}`)} download>
        Exhibits (ZIP)
      </a>
    </div>
  ) : null;

  return (
    <>
      <PageHeader
        title="Evidence"
        intro={
          <>
            <p>What the employer has done to stop the union, in date order: who acted, what was said, who saw it, and the documents. Each incident shows the laws it may breach and the last day to file a charge (six months from the conduct).</p>
            <p className="privacy-note">
              <strong>Opening this page is logged.</strong> Witnesses’ names are here: do not share screenshots.{exports ? ' Exports are for counsel and are logged too.' : ''}
            </p>
          </>
        }
        actions={
          campaign.can('conduct.edit') ? (
            <Link className="button-primary" to={`${base}/new`}>
              Log an incident
            </Link>
          ) : null
        }
      />
      <form className="filters" onSubmit={apply} noValidate aria-label="Filter the timeline">
        {select('worksite', 'School', 'All schools', options.worksites.map((w) => ({ value: w.id, label: w.name })))}
        {select('kind', 'Kind of conduct', 'All kinds', options.kinds)}
        {select('actor', 'Who acted', 'Anyone', options.agents.map((a) => ({ value: a.id, label: `${a.name} (${a.title || a.roleLabel})` })))}
        {select('provision', 'Law it may breach', 'Any provision', options.provisions.map((p) => ({ value: p.id, label: `${p.code} — ${p.title}` })))}
        {select('status', 'Status', 'Any status', options.statuses)}
        <Field label="From" error={error?.fieldReason('from')}>
          {(control) => <input {...control} type="date" value={draft.from} onChange={(e) => setDraft({ ...draft, from: e.target.value })} />}
        </Field>
        <Field label="To" error={error?.fieldReason('to')}>
          {(control) => <input {...control} type="date" value={draft.to} onChange={(e) => setDraft({ ...draft, to: e.target.value })} />}
        </Field>
        <div className="form-actions">
          <button type="submit" className="button-primary">
            Apply filters
          </button>
          {filtered ? (
            <button type="button" className="button-secondary" onClick={clear}>
              Clear filters
            </button>
          ) : null}
        </div>
      </form>
      {exports ? <section aria-label="Export for counsel">{exports}</section> : null}
      <QueryStatus query={timeline} loading="Loading the timeline…" />
      {data ? (
        <p className="result-count" role="status">
          {plural(data.incidents.length, 'incident', 'incidents')}
          {filtered ? ' match these filters' : ''}
          {warnings > 0 ? `; ${plural(warnings, 'deadline is', 'deadlines are')} less than 30 days away` : ''}.
        </p>
      ) : null}
      {data && data.incidents.length === 0 ? (
        <EmptyState title={filtered ? 'Nothing matches these filters.' : 'No incidents logged yet.'}>
          {filtered ? <p>Try a wider date range, or clear the filters.</p> : <p>When someone reports what a principal, administrator or consultant did or said, log it here with any document or photo.</p>}
        </EmptyState>
      ) : null}
      {data && data.incidents.length > 0 ? (
        <DataTable caption="Incidents of employer conduct, oldest first" className="evidence-list" columns={['Date', 'What happened', 'School', 'Who acted', 'Charge deadline', 'Status']} busy={timeline.isFetching}>
          {data.incidents.map((i) => (
            <tr key={i.id}>
              <td data-label="Date" className="nowrap">
                <time dateTime={i.occurredOn}>{formatDate(i.occurredOn)}</time>
                {i.occurredTime ? <span className="subtle">{i.occurredTime}</span> : null}
              </td>
              <th scope="row" data-label="What happened">
                <Link to={`${base}/${i.id}`}>{i.title}</Link>
                <span className="kind">{i.kindLabel}</span>
              </th>
              <td data-label="School">{i.worksites.map((w) => w.name).join(', ') || <span className="subtle">Network-wide</span>}</td>
              <td data-label="Who acted">{i.agents.map((a) => a.name).join(', ') || '—'}</td>
              <td data-label="Charge deadline">
                <DeadlineBadge deadline={i.deadline} />
              </td>
              <td data-label="Status">{i.statusLabel}</td>
            </tr>
          ))}
        </DataTable>
      ) : null}
    </>
  );
}
