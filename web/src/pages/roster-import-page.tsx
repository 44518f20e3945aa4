import { useState } from 'react';
import { DataTable } from '../components/data-table.js';
import { ErrorNotice, InfoNotice, SuccessNotice } from '../components/error-notice.js';
import { Field } from '../components/field.js';
import { PageHeader } from '../components/page-header.js';
import { ListStatus } from '../components/status.js';
import { api, campaignPath } from '../lib/api.js';
import { useCampaign } from '../lib/campaign.js';
import { formatDate, formatDateTime, formatNumber, todayIso } from '../lib/format.js';
import type { ImportDiff, ImportSummary, PreviewPerson } from '../lib/organizing-types.js';
import { apiKey, lastError, onSubmit, useApiMutation, useApiQuery } from '../lib/query.js';

const fieldLabels: Record<string, string> = {
  employeeId: 'Employee ID',
  givenName: 'First name',
  familyName: 'Last name',
  workEmail: 'Work email',
  personalEmail: 'Personal email',
  phone: 'Phone',
  worksite: 'School',
  jobTitle: 'Job title',
  unit: 'Bargaining unit',
  startDate: 'Start date',
  ignore: 'Ignore this column',
};

/** The header line of a CSV file (quoted names allowed), so the mapping can be shown before any upload. */
function readHeaders(text: string): string[] {
  const line = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const headers: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted && ch === '"' && line[i + 1] === '"') {
      current += '"';
      i++;
    } else if (ch === '"') quoted = !quoted;
    else if (ch === ',' && !quoted) {
      headers.push(current.trim());
      current = '';
    } else current += ch;
  }
  headers.push(current.trim());
  return headers.filter((h) => h !== '');
}

export function RosterImportPage() {
  const campaign = useCampaign();
  const history = useApiQuery<{ imports: ImportSummary[] }>(campaignPath(campaign.slug, '/roster/imports'));
  const remembered = useApiQuery<{ mapping: Record<string, string>; fields: string[] }>(campaignPath(campaign.slug, '/roster/mapping'));
  const [fileName, setFileName] = useState<string | null>(null);
  const [csv, setCsv] = useState<string | null>(null);
  const [headers, setHeaders] = useState<string[]>([]);
  const [readAs, setReadAs] = useState<'utf-8' | 'windows-1252'>('utf-8');
  const [mapping, setMapping] = useState<Record<string, string>>({});
  const [effectiveDate, setEffectiveDate] = useState(todayIso());
  const [mode, setMode] = useState<'update' | 'full'>('update');
  const [confirmLeaving, setConfirmLeaving] = useState(false);
  const [diff, setDiff] = useState<ImportDiff | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const fields = remembered.data?.fields ?? Object.keys(fieldLabels).filter((f) => f !== 'ignore');

  async function chooseFile(file: File | undefined): Promise<void> {
    setDiff(null);
    setDone(null);
    preview.reset();
    apply.reset();
    undo.reset();
    if (!file) return;
    // Excel on Windows saves "CSV" as Windows-1252: read as UTF-8, "José" would arrive as "Jos�".
    const bytes = await file.arrayBuffer();
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      setReadAs('utf-8');
    } catch {
      text = new TextDecoder('windows-1252').decode(bytes);
      setReadAs('windows-1252');
    }
    setFileName(file.name);
    setCsv(text);
    const found = readHeaders(text);
    setHeaders(found);
    const known = remembered.data?.mapping ?? {};
    setMapping(Object.fromEntries(found.filter((h) => known[h]).map((h) => [h, known[h] ?? ''])));
  }

  const body = () => ({
    csv,
    fileName: fileName ?? undefined,
    mapping: Object.fromEntries(Object.entries(mapping).filter(([, v]) => v !== '')),
    effectiveDate,
    mode,
    confirmLeaving: mode === 'full' && confirmLeaving,
  });

  // A preview writes nothing; an import or its undo changes the roster, and with it nearly every
  // page of the campaign (schools and units too): all of the campaign's reads go stale.
  const everything = [apiKey(campaignPath(campaign.slug))];
  const preview = useApiMutation({
    mutationFn: () => api.post<ImportDiff>(campaignPath(campaign.slug, '/roster/imports/dry-run'), body()),
    fallback: 'The preview failed. Try again.',
    onSuccess: (result) => {
      setDiff(result);
      setMapping(result.mapping);
    },
  });
  const apply = useApiMutation({
    mutationFn: () => api.post<ImportDiff>(campaignPath(campaign.slug, '/roster/imports'), body()),
    fallback: 'The import failed; nothing was written. Try again.',
    invalidates: everything,
    onSuccess: (result) => {
      const c = result.counts;
      setDone(
        `Imported: ${formatNumber(c.new)} new, ${formatNumber(c.changed)} changed, ${formatNumber(c.unchanged)} unchanged` +
          (c.invalid > 0 ? `; ${formatNumber(c.invalid)} invalid rows were skipped` : '') +
          (result.leavingEnded > 0 ? `; ${formatNumber(result.leavingEnded)} marked as leaving` : '') +
          '.',
      );
      setDiff(null);
      setCsv(null);
      setHeaders([]);
      setFileName(null);
    },
  });
  const undo = useApiMutation({
    mutationFn: (item: ImportSummary) => api.post(campaignPath(campaign.slug, `/roster/imports/${item.id}/undo`)),
    fallback: 'Could not undo the import.',
    invalidates: everything,
    onSuccess: () => setDone('The import was undone.'),
  });
  const error = lastError(preview, apply, undo);
  const busy = preview.isPending ? 'preview' : apply.isPending ? 'apply' : undo.isPending ? 'undo' : null;

  function startPreview(): void {
    if (!csv) return;
    setDone(null);
    setDiff(null);
    preview.mutate();
  }

  function startUndo(item: ImportSummary): void {
    if (!window.confirm(`Undo the import of ${formatDateTime(item.createdAt)}? People it added are removed and the changes it made are reverted.`)) return;
    undo.mutate(item);
  }

  const latestApplied = history.data?.imports.find((i) => i.status === 'applied');

  return (
    <>
      <PageHeader
        title="Import roster"
        intro={
          <p>
            Upload the staff list as a CSV file. You see what would change before anything is written: new people, changes (moves, new titles), people missing from a full
            roster, and rows that cannot be read. Moves are kept as history, dated from the effective date.
          </p>
        }
      />
      {done ? <SuccessNotice>{done}</SuccessNotice> : null}
      <ErrorNotice error={error} />
      <form className="form" onSubmit={onSubmit(startPreview)}>
        <Field label="CSV file" hint="First line: column names. Matched to the roster by employee ID, or by email.">
          {(control) => <input {...control} type="file" accept=".csv,text/csv" onChange={(e) => void chooseFile(e.target.files?.[0])} />}
        </Field>
        <Field label="Effective date" hint="Moves and departures take effect on this day.">
          {(control) => <input {...control} type="date" value={effectiveDate} onChange={(e) => setEffectiveDate(e.target.value)} required />}
        </Field>
        <fieldset>
          <legend>What the file is</legend>
          <div className="choices">
            <div className="choice">
              <input id="mode-update" type="radio" name="mode" checked={mode === 'update'} onChange={() => setMode('update')} />
              <label htmlFor="mode-update">Updates: add and change the people listed</label>
            </div>
            <div className="choice">
              <input id="mode-full" type="radio" name="mode" checked={mode === 'full'} onChange={() => setMode('full')} />
              <label htmlFor="mode-full">The whole roster: also show who is missing from it (leaving)</label>
            </div>
          </div>
        </fieldset>
        {headers.length > 0 ? (
          <fieldset>
            <legend>Columns</legend>
            <p className="field-hint">Blank means automatic (what this campaign used last time, or a guess from the name).</p>
            <div className="checkbox-grid">
              {headers.map((h) => (
                <Field key={h} label={h}>
                  {(control) => (
                    <select {...control} value={mapping[h] ?? ''} onChange={(e) => setMapping({ ...mapping, [h]: e.target.value })}>
                      <option value="">Automatic</option>
                      {[...fields, 'ignore'].map((f) => (
                        <option key={f} value={f}>
                          {fieldLabels[f] ?? f}
                        </option>
                      ))}
                    </select>
                  )}
                </Field>
              ))}
            </div>
          </fieldset>
        ) : null}
        <div className="form-actions">
          <button type="submit" className="button-primary" disabled={!csv || busy !== null}>
            {busy === 'preview' ? 'Comparing…' : 'Preview changes'}
          </button>
        </div>
      </form>

      {diff ? (
        <section className="section" aria-labelledby="diff-heading">
          <h2 id="diff-heading">What this import would do (nothing written yet)</h2>
          {readAs === 'windows-1252' ? (
            <InfoNotice>The file was saved as Windows-1252 (how Excel on Windows saves CSV) and read as such: check that accented names below look right.</InfoNotice>
          ) : null}
          <ul className="stats">
            {(
              [
                ['New', diff.counts.new],
                ['Changed', diff.counts.changed],
                ['Unchanged', diff.counts.unchanged],
                ['Leaving', diff.counts.leaving],
                ['Invalid rows', diff.counts.invalid],
              ] as const
            ).map(([label, n]) => (
              <li key={label} className="stat">
                <span className="stat-value">{formatNumber(n)}</span> <span className="stat-label">{label}</span>
              </li>
            ))}
          </ul>
          <DiffTable title="New people" rows={diff.new} total={diff.counts.new} />
          {diff.changed.length > 0 ? (
            <>
              <h3>Changed ({formatNumber(diff.counts.changed)})</h3>
              <DataTable columns={['Line', 'Name', 'Changes']}>
                {diff.changed.map((row) => (
                  <tr key={row.line ?? row.personId}>
                    <td>{row.line}</td>
                    <th scope="row">
                      {row.familyName}, {row.givenName}
                    </th>
                    <td>
                      {row.changes.map((c) => (
                        <div key={c.field}>
                          {fieldLabels[c.field] ?? c.field}: {c.from ?? '—'} → {c.to ?? '—'}
                        </div>
                      ))}
                    </td>
                  </tr>
                ))}
              </DataTable>
            </>
          ) : null}
          <DiffTable title="Leaving (not in the file)" rows={diff.leaving} total={diff.counts.leaving} />
          {diff.invalid.length > 0 ? (
            <>
              <h3>Invalid rows ({formatNumber(diff.counts.invalid)}): these are skipped</h3>
              <ul>
                {diff.invalid.map((row) => (
                  <li key={row.line}>
                    Line {row.line}: {row.reason}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {diff.mode === 'full' && diff.counts.leaving > 0 ? (
            <div className="checkbox">
              <input id="confirm-leaving" type="checkbox" checked={confirmLeaving} onChange={(e) => setConfirmLeaving(e.target.checked)} />
              <label htmlFor="confirm-leaving">
                End the employment of the {formatNumber(diff.counts.leaving)} people missing from the file, as of {formatDate(diff.effectiveDate)}
              </label>
            </div>
          ) : null}
          <div className="form-actions">
            <button type="button" className="button-primary" onClick={() => apply.mutate()} disabled={busy !== null}>
              {busy === 'apply' ? 'Importing…' : 'Apply this import'}
            </button>
          </div>
        </section>
      ) : null}

      <section className="section" aria-labelledby="history-heading">
        <h2 id="history-heading">Past imports</h2>
        <ListStatus query={history} count={history.data?.imports.length ?? 0} empty="No imports yet." />
        {history.data && history.data.imports.length > 0 ? (
          <DataTable columns={['When', 'File', 'Effective', 'New / changed / invalid', 'Status']} actions="Actions">
            {history.data.imports.map((item) => (
              <tr key={item.id}>
                <td>{formatDateTime(item.createdAt)}</td>
                <td>{item.fileName ?? '—'}</td>
                <td>{formatDate(item.effectiveDate)}</td>
                <td>
                  {formatNumber(item.counts.new)} / {formatNumber(item.counts.changed)} / {formatNumber(item.counts.invalid)}
                </td>
                <td>{item.status === 'undone' ? `Undone by ${item.undoneBy ?? '?'}` : 'Applied'}</td>
                <td>
                  {item.id === latestApplied?.id ? (
                    <button type="button" className="button-secondary" onClick={() => startUndo(item)} disabled={busy !== null}>
                      Undo
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </DataTable>
        ) : null}
        <InfoNotice>
          <p>Only the latest import can be undone. An import whose new people have since been rated or talked to cannot be undone.</p>
        </InfoNotice>
      </section>
    </>
  );
}

function DiffTable(props: { title: string; rows: PreviewPerson[]; total: number }) {
  if (props.rows.length === 0) return null;
  return (
    <>
      <h3>
        {props.title} ({formatNumber(props.total)}
        {props.total > props.rows.length ? `, first ${formatNumber(props.rows.length)} shown` : ''})
      </h3>
      <DataTable columns={['Line', 'Name', 'School', 'Job title', 'Employee ID']}>
        {props.rows.map((row) => (
          <tr key={`${row.line ?? ''}-${row.personId ?? ''}-${row.employeeId ?? ''}`}>
            <td>{row.line ?? '—'}</td>
            <th scope="row">
              {row.familyName}, {row.givenName}
            </th>
            <td>{row.worksiteName ?? '—'}</td>
            <td>{row.jobTitle ?? '—'}</td>
            <td>{row.employeeId ?? '—'}</td>
          </tr>
        ))}
      </DataTable>
    </>
  );
}
