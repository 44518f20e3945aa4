import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { DataTable } from '../../components/data-table.js';
import { ErrorNotice, InfoNotice, SuccessNotice } from '../../components/error-notice.js';
import { Field } from '../../components/field.js';
import { PageHeader } from '../../components/page-header.js';
import { QueryStatus } from '../../components/status.js';
import { api, campaignPath } from '../../lib/api.js';
import { useCampaign } from '../../lib/campaign.js';
import type { ConductOptions, Incident, StatusChange } from '../../lib/conduct-types.js';
import { formatDate, formatDateTime } from '../../lib/format.js';
import { onSubmit, useApiMutation, useApiQuery } from '../../lib/query.js';
import { DeadlineBadge, describeDeadline, formatBytes, formatPages } from './deadline-badge.js';
import { evidenceBase, incidentKey, incidentsKey, useConductOptions } from './evidence-context.js';

type Loaded = { incident: Incident; history: StatusChange[] };

export function IncidentDetail(props: { incidentId: string }) {
  const campaign = useCampaign();
  const options = useConductOptions();
  const base = evidenceBase(campaign.slug);
  const detail = useApiQuery<Loaded>(campaignPath(campaign.slug, `/conduct/incidents/${encodeURIComponent(props.incidentId)}`));

  if (!detail.data) return <QueryStatus query={detail} />;
  const { incident, history } = detail.data;
  const exhibitNumber = new Map(incident.attachments.map((a, index) => [a.id, index + 1]));
  const attachmentById = new Map(incident.attachments.map((a) => [a.id, a]));
  const when = `${formatDate(incident.occurredOn)}${incident.occurredTime ? ` at ${incident.occurredTime}` : ''}`;

  return (
    <>
      <p>
        <Link to={base}>← Back to the timeline</Link>
      </p>
      <PageHeader
        title={incident.title}
        intro={
          <p>
            {incident.kindLabel} · {when}
          </p>
        }
        actions={
          campaign.can('conduct.edit') ? (
            <Link className="button-secondary" to={`${base}/${incident.id}/edit`}>
              Edit
            </Link>
          ) : null
        }
      />
      {incident.deadline.level === 'warning' ? (
        <div className="notice notice-error deadline-notice" role="alert">
          <p className="notice-title">{describeDeadline(incident.deadline)}.</p>
          <p>A charge about this conduct must reach the board within six months of it. Share this incident with counsel now.</p>
        </div>
      ) : null}
      {incident.deadline.level === 'expired' ? (
        <InfoNotice>
          <p className="notice-title">{describeDeadline(incident.deadline)}.</p>
          <p>The six months to file a charge about this conduct have run out. It still counts as evidence of a pattern: keep it in the chronology.</p>
        </InfoNotice>
      ) : null}
      <dl className="incident-meta">
        <div>
          <dt>When</dt>
          <dd>{when}</dd>
        </div>
        <div>
          <dt>School</dt>
          <dd>{incident.worksites.map((w) => w.name).join(', ') || 'Network-wide'}</dd>
        </div>
        <div>
          <dt>Who acted</dt>
          <dd>{incident.agents.map((a) => `${a.name} (${a.title || a.roleLabel})`).join('; ') || '—'}</dd>
        </div>
        <div>
          <dt>May breach</dt>
          <dd>
            {incident.provisions.map((p) => `${p.code} — ${p.title}`).join('; ') || 'No provision chosen'}
            {!incident.provisionsChosen && incident.provisions.length > 0 ? <span className="subtle">The default for this kind of conduct.</span> : null}
          </dd>
        </div>
        <div>
          <dt>Charge deadline</dt>
          <dd>
            <DeadlineBadge deadline={incident.deadline} />
          </dd>
        </div>
        <div>
          <dt>Status</dt>
          <dd>{incident.statusLabel}</dd>
        </div>
        <div>
          <dt>Witnesses</dt>
          <dd>{incident.witnesses.map((w) => w.name).join(', ') || '—'}</dd>
        </div>
        <div>
          <dt>Reported by</dt>
          <dd>{incident.reportedBy?.name ?? '—'}</dd>
        </div>
        <div>
          <dt>Recorded</dt>
          <dd>
            {formatDateTime(incident.createdAt)}
            {incident.recordedBy ? ` by ${incident.recordedBy.name}` : ''}
          </dd>
        </div>
      </dl>
      {incident.description ? (
        <section className="section" aria-labelledby="what-heading">
          <h2 id="what-heading">What happened</h2>
          <p className="description">{incident.description}</p>
        </section>
      ) : null}
      {incident.quotes.length > 0 ? (
        <section className="section" aria-labelledby="said-heading">
          <h2 id="said-heading">What was said</h2>
          <ul className="quotes">
            {incident.quotes.map((q) => {
              const file = q.attachmentId ? attachmentById.get(q.attachmentId) : undefined;
              const pages = formatPages(q.pageFrom, q.pageTo);
              return (
                <li key={q.id}>
                  <blockquote>“{q.text}”</blockquote>
                  <p className="attribution">
                    — {[q.speaker?.name, q.source].filter(Boolean).join(', ')}
                    {file ? (
                      <>
                        {' '}
                        (
                        <a href={`${file.url}${q.pageFrom && file.mediaType === 'application/pdf' ? `#page=${q.pageFrom}` : ''}`} target="_blank" rel="noopener">
                          {file.filename}
                          {pages ? `, ${pages}` : ''}
                        </a>
                        )
                      </>
                    ) : pages ? (
                      ` (${pages})`
                    ) : null}
                  </p>
                </li>
              );
            })}
          </ul>
        </section>
      ) : null}
      <section className="section" aria-labelledby="files-heading">
        <h2 id="files-heading">Documents and photos</h2>
        {incident.attachments.length === 0 ? (
          <p>None attached.</p>
        ) : (
          <ul className="plain-list">
            {incident.attachments.map((a) => (
              <li key={a.id}>
                <a href={a.url} target="_blank" rel="noopener">
                  {a.filename}
                </a>{' '}
                <span className="subtle">
                  Attachment {exhibitNumber.get(a.id)} · {a.mediaType} · {formatBytes(a.sizeBytes)} · uploaded {formatDateTime(a.uploadedAt)}
                  {a.description ? ` · ${a.description}` : ''}
                </span>
                <span className="hash">SHA-256 {a.sha256}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="section status-section" aria-labelledby="status-heading">
        <h2 id="status-heading">Status</h2>
        {campaign.can('conduct.edit') ? <StatusForm slug={campaign.slug} incident={incident} options={options} /> : null}
        <DataTable caption="Status history" columns={['When', 'Status', 'By', 'Note']}>
          {history.map((h, index) => (
            <tr key={`${h.changedAt}-${index}`}>
              <td data-label="When" className="nowrap">
                {formatDateTime(h.changedAt)}
              </td>
              <th scope="row" data-label="Status">
                {h.statusLabel}
              </th>
              <td data-label="By">{h.changedBy ?? '—'}</td>
              <td data-label="Note">{h.note || '—'}</td>
            </tr>
          ))}
        </DataTable>
      </section>
    </>
  );
}

function StatusForm(props: { slug: string; incident: Incident; options: ConductOptions }) {
  const client = useQueryClient();
  const [status, setStatus] = useState<string>(props.incident.status);
  const [chargeNumber, setChargeNumber] = useState(props.incident.chargeNumber ?? '');
  const [note, setNote] = useState('');
  const [saved, setSaved] = useState<string | null>(null);
  const change = useApiMutation({
    mutationFn: () => api.post<Loaded>(campaignPath(props.slug, `/conduct/incidents/${props.incident.id}/status`), { status, chargeNumber: chargeNumber.trim() || null, note }),
    onSuccess: (result) => {
      // The answer is the incident as it now stands: shown as is, without reading it again (each
      // read is logged). The timeline, not on screen, is dropped and reloads when opened.
      client.setQueryData(incidentKey(props.slug, props.incident.id), result);
      client.removeQueries({ queryKey: incidentsKey(props.slug), type: 'inactive' });
      setNote('');
      setSaved(`Saved: ${result.incident.statusLabel}.`);
    },
  });
  const error = change.error;
  const busy = change.isPending;

  return (
    <form
      className="inline-form"
      onSubmit={onSubmit(() => {
        setSaved(null);
        change.mutate();
      })}
      noValidate
    >
      <ErrorNotice error={error} fields={{ chargeNumber: { label: 'Charge number' }, status: { label: 'Status' } }} />
      {saved ? <SuccessNotice>{saved}</SuccessNotice> : null}
      <Field label="New status">
        {(control) => (
          <select {...control} value={status} onChange={(e) => setStatus(e.target.value)}>
            {props.options.statuses.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
          </select>
        )}
      </Field>
      {status !== 'documented' && status !== 'shared_with_counsel' ? (
        <Field label="Charge number" hint="As the board numbered it, e.g. LA-CE-6140-E" error={error?.fieldReason('chargeNumber')}>
          {(control) => <input {...control} value={chargeNumber} onChange={(e) => setChargeNumber(e.target.value)} autoComplete="off" />}
        </Field>
      ) : null}
      <Field label="Note (optional)">{(control) => <input {...control} value={note} onChange={(e) => setNote(e.target.value)} />}</Field>
      <div className="form-actions">
        <button type="submit" className="button-primary" disabled={busy}>
          {busy ? 'Saving…' : 'Change status'}
        </button>
      </div>
    </form>
  );
}
