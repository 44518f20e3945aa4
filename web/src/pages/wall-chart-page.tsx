import { useState } from 'react';
import { Link } from 'react-router';
import '../organizing.css';
import { Field } from '../components/field.js';
import { PageHeader } from '../components/page-header.js';
import { QueryStatus } from '../components/status.js';
import { campaignPath } from '../lib/api.js';
import { useCampaign } from '../lib/campaign.js';
import { formatDate, formatNumber } from '../lib/format.js';
import { levelNames, personPagePath, type WallChart } from '../lib/organizing-types.js';
import { useApiQuery } from '../lib/query.js';

const cardLabels: Record<string, string> = { none: '', signed: 'card signed', expired: 'card expired', revoked: 'card revoked' };

/** The classic organizing chart: a column per school, a cell per educator, coloured by assessment. Prints on paper. */
export function WallChartPage() {
  const campaign = useCampaign();
  const [asOf, setAsOf] = useState('');
  const chart = useApiQuery<WallChart>(campaignPath(campaign.slug, '/wall-chart'), { params: { asOf }, keepPrevious: true });
  const { data } = chart;
  return (
    <>
      <PageHeader
        title="Wall chart"
        intro={
          <>
            <p>
              Every school a column, every educator a cell, coloured by the latest assessment. A valid card: ✓ and a blue edge; an expired card: a grey edge; a
              revoked card: the name struck through.
            </p>
            <p className="privacy-note">
              <strong>Opening the chart is logged.</strong> A printed chart names people and their support: keep it out of sight and shred it after use.
            </p>
          </>
        }
        actions={
          <button type="button" className="button-secondary" onClick={() => window.print()}>
            Print
          </button>
        }
      />
      <form className="filters no-print" onSubmit={(e) => e.preventDefault()}>
        <Field label="As of" hint="Leave empty for today.">
          {(control) => <input {...control} type="date" value={asOf} onChange={(e) => setAsOf(e.target.value)} />}
        </Field>
      </form>
      <ul className="wall-legend">
        {Object.entries(levelNames).map(([key, label]) => (
          <li key={key} className={`wall-cell level-${key}`}>
            {label}
          </li>
        ))}
      </ul>
      <QueryStatus query={chart} loading="Loading the chart…" />
      {data ? (
        <>
          <p className="as-of">As of {formatDate(data.asOf)}</p>
          <div className="wall-chart">
            {data.columns.map((column) => {
              const t = column.totals;
              return (
                <section key={column.worksiteId} className="wall-column" aria-label={column.worksiteName}>
                  <h2 className="wall-heading">{column.worksiteName}</h2>
                  <p className="subtle wall-totals">
                    {formatNumber(t.signedCards)} of {formatNumber(t.people)} signed cards
                    {t.supporters !== null ? ` · ${formatNumber(t.supporters)} supporters (1–2)` : ''}
                  </p>
                  <ol className="wall-cells">
                    {column.cells.map((cell) => (
                      <li key={cell.personId} className={`wall-cell level-${cell.assessmentHidden || cell.level === null ? 'unknown' : String(cell.level)} card-${cell.cardStatus}`}>
                        <Link to={personPagePath(campaign.slug, cell.personId)}>{cell.name}</Link>
                        <span className="visually-hidden">
                          {cell.assessmentHidden ? ', not on your list' : `, ${levelNames[cell.level === null ? 'unknown' : String(cell.level)]}`}
                          {cardLabels[cell.cardStatus] ? `, ${cardLabels[cell.cardStatus]}` : ''}
                        </span>
                        {cell.cardStatus === 'signed' ? (
                          <span className="card-mark" aria-hidden="true">
                            ✓
                          </span>
                        ) : null}
                      </li>
                    ))}
                  </ol>
                </section>
              );
            })}
          </div>
        </>
      ) : null}
    </>
  );
}
