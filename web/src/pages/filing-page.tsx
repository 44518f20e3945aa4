import { useState } from 'react';
import { DataTable } from '../components/data-table.js';
import { ErrorNotice, InfoNotice, SuccessNotice } from '../components/error-notice.js';
import { Field } from '../components/field.js';
import { PageHeader } from '../components/page-header.js';
import { Loading } from '../components/status.js';
import { api, campaignPath } from '../lib/api.js';
import { useCampaign } from '../lib/campaign.js';
import { formatDate, formatNumber, todayIso } from '../lib/format.js';
import { onSubmit, useApiMutation, useApiQuery } from '../lib/query.js';

type Jurisdiction = 'ca_perb' | 'nlrb';
type Threshold = { needed: number; met: boolean; remaining: number };
type Preview = {
  jurisdiction: Jurisdiction;
  filingDate: string;
  validityMonths: number;
  goalPercent: number;
  unit: { id: string; name: string };
  worksite: { id: string; name: string } | null;
  employers: string[];
  figures: { eligible: number; validCards: number; percent: number; thresholds: { showingOfInterest: Threshold; majority: Threshold; goal: Threshold } };
  counted: { total: number; electronic: number; paper: number };
  signedBetween: { first: string; last: string } | null;
  integrity: { checked: number; altered: number };
  /** What to read before generating: below 30%, below 50% + 1, cards without a confirmation or answer, cards left out. */
  warnings: { code: string; message: string; cardRefs: string[] }[];
  exceptions: { ref: string; cardId: string; signerName: string; worksiteName: string; signedOn: string; source: string; reason: string; reasonLabel: string; detail: string }[];
};
type VerifyReport = { ok: boolean; checked: number; mismatches: { cardId: string; signedOn: string; worksiteName: string; source: string }[] };
type Form = { unitId: string; worksiteId: string; filingDate: string; jurisdiction: Jurisdiction };
type Download = { copy: 'board' | 'service'; format: 'pdf' | 'csv' | 'zip' };

const jurisdictionLabels: Record<Jurisdiction, string> = {
  ca_perb: 'California PERB (Gov. Code §3544; PERB Reg. 32700, 33050)',
  nlrb: 'NLRB (29 CFR 101.18(a); GC Memo 15-08)',
};

const files: { copy: 'board' | 'service'; format: 'pdf' | 'csv' | 'zip'; label: string }[] = [
  { copy: 'board', format: 'pdf', label: 'Board copy (PDF)' },
  { copy: 'board', format: 'csv', label: 'Board copy: cards (CSV)' },
  { copy: 'board', format: 'zip', label: 'Board copy: everything (ZIP)' },
  { copy: 'service', format: 'pdf', label: 'Service copy (PDF)' },
  { copy: 'service', format: 'csv', label: 'Service copy (CSV)' },
];

const fieldLabels = { unitId: { label: 'Bargaining unit', id: 'filing-unit' }, worksiteId: { label: 'School', id: 'filing-school' }, filingDate: { label: 'Filing date', id: 'filing-date' }, jurisdiction: { label: 'Rules' } };

export function FilingPage() {
  const campaign = useCampaign();
  const { units, worksites } = campaign.detail;
  const campaignJurisdiction: Jurisdiction = campaign.detail.campaign.jurisdiction === 'nlrb' ? 'nlrb' : 'ca_perb';
  const [form, setForm] = useState<Form>({ unitId: units[0]?.id ?? '', worksiteId: '', filingDate: todayIso(), jurisdiction: campaignJurisdiction });
  // The request the numbers were asked for; changing the form takes them away until asked again.
  const [asked, setAsked] = useState<Form | null>(null);
  const [verifying, setVerifying] = useState(false);
  const [downloaded, setDownloaded] = useState<string | null>(null);

  const request = { unitId: form.unitId, worksiteId: form.worksiteId || null, filingDate: form.filingDate, jurisdiction: form.jurisdiction };
  const previewQuery = useApiQuery<Preview>(asked ? campaignPath(campaign.slug, '/filing-packets/preview') : null, { params: asked ?? {} });
  const verifyQuery = useApiQuery<VerifyReport>(verifying ? campaignPath(campaign.slug, '/cards/verify') : null);
  const download = useApiMutation({
    mutationFn: (file: Download) => api.download(campaignPath(campaign.slug, '/filing-packets'), { ...request, ...file }),
    onSuccess: setDownloaded,
  });
  const change = (next: Partial<Form>): void => {
    setForm({ ...form, ...next });
    setAsked(null);
    setDownloaded(null);
    download.reset();
  };

  function showPreview(): void {
    setDownloaded(null);
    download.reset();
    // Asking again for the same numbers counts them again (and logs the preview again).
    if (asked && JSON.stringify(asked) === JSON.stringify(form)) void previewQuery.refetch();
    else setAsked(form);
  }

  function runVerify(): void {
    if (verifying) void verifyQuery.refetch();
    else setVerifying(true);
  }

  const preview = previewQuery.data ?? null;
  const error = download.error ?? previewQuery.error;
  const busy = previewQuery.isFetching ? 'preview' : download.isPending ? `${download.variables.copy}-${download.variables.format}` : verifyQuery.isFetching ? 'verify' : null;
  const verify = verifyQuery.data ?? null;
  const verifyError = verifyQuery.error;
  const f = preview?.figures;
  return (
    <>
      <PageHeader
        title="Filing"
        intro={
          <>
            <p>The proof of majority support for a unit on a filing date: the roster on that day, the valid cards matched to it, the count against each threshold, and every card that does not count, with the reason.</p>
            <p className="privacy-note">The board copy names every signer: it goes to the labor board only. The service copy for the employer carries counts and dates, no names. Every preview and download is recorded in the audit log.</p>
          </>
        }
      />
      <form className="form" onSubmit={onSubmit(showPreview)} noValidate>
        <Field label="Bargaining unit" id="filing-unit" error={error?.fieldReason('unitId')}>
          {(control) => (
            <select {...control} value={form.unitId} onChange={(e) => change({ unitId: e.target.value })}>
              {units.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="School" id="filing-school" hint="Under EERA each charter school may be its own employer: file for one school, or for the whole unit." error={error?.fieldReason('worksiteId')}>
          {(control) => (
            <select {...control} value={form.worksiteId} onChange={(e) => change({ worksiteId: e.target.value })}>
              <option value="">Whole unit (every school)</option>
              {worksites.map((w) => (
                <option key={w.id} value={w.id}>
                  {w.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Filing date" id="filing-date" hint="Who was in the unit, and which cards were valid, on this day." error={error?.fieldReason('filingDate')}>
          {(control) => <input {...control} type="date" value={form.filingDate} max={todayIso()} required onChange={(e) => change({ filingDate: e.target.value })} />}
        </Field>
        <fieldset>
          <legend>Rules</legend>
          <div className="choices">
            {(Object.keys(jurisdictionLabels) as Jurisdiction[]).map((j) => (
              <div className="choice" key={j}>
                <input type="radio" id={`jurisdiction-${j}`} name="jurisdiction" checked={form.jurisdiction === j} onChange={() => change({ jurisdiction: j })} />
                <label htmlFor={`jurisdiction-${j}`}>
                  {jurisdictionLabels[j]}
                  {j === campaignJurisdiction ? ' — this campaign’s' : ''}
                </label>
              </div>
            ))}
          </div>
        </fieldset>
        <div className="form-actions">
          <button type="submit" className="button-primary" disabled={busy !== null || !form.unitId}>
            {busy === 'preview' ? 'Counting…' : 'Preview the numbers'}
          </button>
        </div>
      </form>
      <ErrorNotice error={error} fields={fieldLabels} />
      {busy === 'preview' ? <Loading label="Counting…" /> : null}

      {preview && f ? (
        <section className="section" aria-labelledby="filing-numbers">
          <h2 id="filing-numbers">
            {preview.worksite ? `${preview.unit.name} unit at ${preview.worksite.name}` : `${preview.unit.name} unit`}, as of {formatDate(preview.filingDate)}
          </h2>
          {preview.warnings.length > 0 ? (
            <div className="notice notice-warning" role="status" aria-labelledby="filing-warnings">
              <p className="notice-title" id="filing-warnings">
                Before you generate this packet
              </p>
              <ul>
                {preview.warnings.map((w) => (
                  <li key={w.code}>
                    {w.message}
                    {w.cardRefs.length > 0 ? ` (${w.cardRefs.join(', ')})` : ''}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          <ul className="stats">
            <li className="stat">
              <span className="stat-value">{formatNumber(f.eligible)}</span>
              <span className="stat-label">employees in the unit on the filing date</span>
            </li>
            <li className="stat">
              <span className="stat-value">{formatNumber(f.validCards)}</span>
              <span className="stat-label">
                valid cards ({formatNumber(preview.counted.electronic)} electronic, {formatNumber(preview.counted.paper)} paper)
              </span>
            </li>
            <li className="stat">
              <span className="stat-value">{f.percent}%</span>
              <span className="stat-label">of the unit</span>
            </li>
          </ul>
          <DataTable caption="Thresholds" columns={['Threshold', 'Cards needed', 'Result']}>
            {(
              [
                ['Showing of interest (30%)', f.thresholds.showingOfInterest],
                ['Majority (50% + 1)', f.thresholds.majority],
                [`Campaign goal (${preview.goalPercent}%)`, f.thresholds.goal],
              ] as const
            ).map(([label, t]) => (
              <tr key={label}>
                <th scope="row" data-label="Threshold">
                  {label}
                </th>
                <td data-label="Cards needed">{formatNumber(t.needed)}</td>
                <td data-label="Result">{t.met ? <strong>Met</strong> : `Not met: ${formatNumber(t.remaining)} more needed`}</td>
              </tr>
            ))}
          </DataTable>
          <p className="as-of">
            Cards count for {preview.validityMonths} months from signing{preview.signedBetween ? `; those counted were signed ${formatDate(preview.signedBetween.first)} to ${formatDate(preview.signedBetween.last)}` : ''}.{' '}
            {preview.integrity.altered === 0
              ? `All ${formatNumber(preview.integrity.checked)} cards bearing on the unit match their hashes.`
              : `${formatNumber(preview.integrity.altered)} of ${formatNumber(preview.integrity.checked)} cards do not match their hash and are not counted.`}
          </p>
          {preview.integrity.altered > 0 ? (
            <div className="notice notice-error" role="alert">
              <p className="notice-title">Some cards were changed after signing.</p>
              <p>They are listed below as altered and left out of the count. Run the integrity check below and tell counsel before filing.</p>
            </div>
          ) : null}

          <h3>Cards not counted ({formatNumber(preview.exceptions.length)})</h3>
          {preview.exceptions.length === 0 ? (
            <p>Every card bearing on this unit counts.</p>
          ) : (
            <DataTable caption="Cards not counted, with the reason" columns={['No.', 'Name as signed', 'School on card', 'Signed', 'Reason']}>
              {preview.exceptions.map((e) => (
                <tr key={e.cardId}>
                  <td data-label="No.">{e.ref}</td>
                  <th scope="row" data-label="Name as signed">
                    {e.signerName}
                  </th>
                  <td data-label="School on card">{e.worksiteName}</td>
                  <td data-label="Signed" className="nowrap">
                    {e.signedOn}
                  </td>
                  <td data-label="Reason">
                    <strong>{e.reasonLabel}.</strong> {e.detail}
                  </td>
                </tr>
              ))}
            </DataTable>
          )}

          <h3>Download</h3>
          <p className="subtle">Rules: {jurisdictionLabels[preview.jurisdiction]}. The ZIP holds the PDF, the cards, roster and confirmation-log CSVs, and a checksum list.</p>
          <div className="form-actions">
            {files.map((file) => (
              <button key={`${file.copy}-${file.format}`} type="button" className={file.copy === 'board' && file.format === 'pdf' ? 'button-primary' : 'button-secondary'} disabled={busy !== null} onClick={() => download.mutate({ copy: file.copy, format: file.format })}>
                {busy === `${file.copy}-${file.format}` ? 'Preparing…' : file.label}
              </button>
            ))}
          </div>
          {downloaded ? (
            <SuccessNotice>
              <p>Downloaded {downloaded}. The download is recorded in the audit log.</p>
            </SuccessNotice>
          ) : null}
        </section>
      ) : null}

      <section className="section" aria-labelledby="integrity-heading">
        <h2 id="integrity-heading">Integrity check</h2>
        <p>Recomputes the SHA-256 hash of every card in the campaign from its stored content. A card that no longer matches was changed after signing, outside Unionhall. (Same as “unionhall verify-cards --campaign {campaign.slug}”.)</p>
        <div className="form-actions">
          <button type="button" className="button-secondary" disabled={busy !== null} onClick={runVerify}>
            {busy === 'verify' ? 'Checking…' : 'Check every card'}
          </button>
        </div>
        <ErrorNotice error={verifyError} />
        {verify ? (
          verify.ok ? (
            <SuccessNotice>
              <p>All {formatNumber(verify.checked)} cards match their hashes.</p>
            </SuccessNotice>
          ) : (
            <div className="notice notice-error" role="alert">
              <p className="notice-title">
                {formatNumber(verify.mismatches.length)} of {formatNumber(verify.checked)} cards do not match their hash.
              </p>
              <ul>
                {verify.mismatches.map((m) => (
                  <li key={m.cardId}>
                    Card <code>{m.cardId}</code>, signed {m.signedOn} ({m.source}) at {m.worksiteName}
                  </li>
                ))}
              </ul>
            </div>
          )
        ) : null}
      </section>
      {units.length === 0 ? (
        <InfoNotice>
          <p>This campaign has no bargaining unit yet: import a roster first.</p>
        </InfoNotice>
      ) : null}
    </>
  );
}
