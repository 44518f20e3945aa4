import { useState, type FormEvent } from 'react';
import { ErrorNotice, InfoNotice, SuccessNotice } from '../../components/error-notice.js';
import { Field } from '../../components/field.js';
import { PageHeader } from '../../components/page-header.js';
import { LoadError, Loading } from '../../components/status.js';
import { api, ApiError, campaignPath } from '../../lib/api.js';
import { useCampaign } from '../../lib/campaign.js';
import type { ConductOptions, Incident, StatusChange } from '../../lib/conduct-types.js';
import { formatDate, formatDateTime } from '../../lib/format.js';
import { Link } from '../../lib/router.js';
import { useApi } from '../../lib/use-api.js';
import { DeadlineBadge, describeDeadline, formatBytes, formatPages } from './deadline-badge.js';

type Loaded = { incident: Incident; history: StatusChange[] };

export function IncidentDetail(props: { base: string; options: ConductOptions; incidentId: string }) {
  const campaign = useCampaign();
  const { data, error, reload } = useApi<Loaded>(campaignPath(campaign.slug, `/conduct/incidents/${encodeURIComponent(props.incidentId)}`));
  const [updated, setUpdated] = useState<Loaded | null>(null);
  const shown = updated ?? data;

  if (error) return <LoadError error={error} retry={reload} />;
  if (!shown) return <Loading />;
  const { incident, history } = shown;
  const exhibitNumber = new Map(incident.attachments.map((a, index) => [a.id, index + 1]));
  const attachmentById = new Map(incident.attachments.map((a) => [a.id, a]));
  const when = `${formatDate(incident.occurredOn)}${incident.occurredTime ? ` at ${incident.occurredTime}` : ''}`;

  return (
    <>
      <p>
        <Link to={props.base}>← Back to the timeline</Link>
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
            <Link className="button-secondary" to={`${props.base}/${incident.id}/edit`}>
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
        {campaign.can('conduct.edit') ? <StatusForm slug={campaign.slug} incident={incident} options={props.options} onSaved={setUpdated} /> : null}
        <div className="table-wrap">
          <table className="data-table">
            <caption className="visually-hidden">Status history</caption>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Status</th>
                <th scope="col">By</th>
                <th scope="col">Note</th>
              </tr>
            </thead>
            <tbody>
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
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}

function StatusForm(props: { slug: string; incident: Incident; options: ConductOptions; onSaved: (loaded: Loaded) => void }) {
  const [status, setStatus] = useState(props.incident.status);
  const [chargeNumber, setChargeNumber] = useState(props.incident.chargeNumber ?? '');
  const [note, setNote] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setSaved(null);
    try {
      const result = await api.post<Loaded>(campaignPath(props.slug, `/conduct/incidents/${props.incident.id}/status`), { status, chargeNumber: chargeNumber.trim() || null, note });
      props.onSaved(result);
      setNote('');
      setSaved(`Saved: ${result.incident.statusLabel}.`);
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, 'internal', 'Something went wrong. Try again.'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="inline-form" onSubmit={(e) => void submit(e)} noValidate>
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
