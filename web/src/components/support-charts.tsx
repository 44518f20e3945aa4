import type { Growth, UnitFigures } from '../lib/api-types.js';
import { DataTable } from './data-table.js';
import { formatCount, formatDate, formatNumber } from '../lib/format.js';

// Charts as inline SVG: sizes and positions are SVG attributes, never style attributes, so they
// live within the CSP (no inline styles). Each chart has a text equivalent for screen readers.

/** The class that colours a percentage: below 30%, showing of interest, majority, goal (none when withheld). */
export function supportBand(percent: number | null, majorityMet: boolean | null, goalPercent: number): string {
  if (percent === null) return '';
  if (percent >= goalPercent) return 'band-goal';
  if (majorityMet) return 'band-majority';
  if (percent >= 30) return 'band-showing';
  return 'band-low';
}

export function Thermometer(props: { unit: UnitFigures; goalPercent: number }) {
  const { unit, goalPercent } = props;
  const width = 1000;
  const x = (percent: number) => Math.max(0, Math.min(width, (percent / 100) * width));
  const majorityPercent = unit.eligible > 0 ? (unit.thresholds.majority.needed / unit.eligible) * 100 : 50;
  const marks = [
    { key: 'soi', label: '30%', at: 30 },
    { key: 'maj', label: '50% + 1', at: majorityPercent },
    { key: 'goal', label: `${goalPercent}% goal`, at: goalPercent },
  ];
  const t = unit.thresholds;
  // Withheld figures (fewer than 5 people, decision 0023) show as such, never as zero.
  const percent = unit.percent ?? 0;
  const toGo = (th: typeof t.majority) => (th.met === null ? 'withheld' : th.met ? 'reached' : `${formatCount(th.remaining)} to go`);
  const summary =
    unit.validCards === null
      ? `${unit.name}: ${formatNumber(unit.eligible)} educators; the count of cards is withheld (small numbers).`
      : `${unit.name}: ${formatNumber(unit.validCards)} of ${formatNumber(unit.eligible)} (${percent}%). ${t.majority.met ? 'Majority reached.' : `${formatCount(t.majority.remaining)} more for a majority.`} ${
          t.goal.met ? 'Goal reached.' : `${formatCount(t.goal.remaining)} more for the goal.`
        }`;
  return (
    <figure className="thermometer">
      <figcaption>
        <strong>{unit.name}</strong>{' '}
        <span className="thermometer-figures">
          {formatCount(unit.validCards)} of {formatNumber(unit.eligible)}
          {unit.percent === null ? '' : ` · ${unit.percent}%`}
        </span>
      </figcaption>
      <svg viewBox={`0 0 ${width} 64`} role="img" aria-label={summary} preserveAspectRatio="none" className="thermometer-svg">
        <rect x="0" y="8" width={width} height="28" rx="14" className="thermometer-track" />
        <rect x="0" y="8" width={x(percent)} height="28" rx="14" className={`thermometer-fill ${supportBand(unit.percent, t.majority.met, goalPercent)}`} />
        {marks.map((m) => (
          <g key={m.key}>
            <line x1={x(m.at)} x2={x(m.at)} y1="2" y2="42" className="thermometer-mark" />
            <text x={x(m.at)} y="60" textAnchor={m.at > 85 ? 'end' : 'middle'} className="thermometer-label">
              {m.label}
            </text>
          </g>
        ))}
      </svg>
      <ul className="threshold-list">
        <li className={t.showingOfInterest.met ? 'met' : ''}>
          Showing of interest (30%): {toGo(t.showingOfInterest)} ({formatNumber(t.showingOfInterest.needed)} needed)
        </li>
        <li className={t.majority.met ? 'met' : ''}>
          Majority (50% + 1): {toGo(t.majority)} ({formatNumber(t.majority.needed)} needed)
        </li>
        <li className={t.goal.met ? 'met' : ''}>
          Goal ({goalPercent}%): {toGo(t.goal)} ({formatNumber(t.goal.needed)} needed)
        </li>
      </ul>
    </figure>
  );
}

function LineChart(props: { title: string; points: { label: string; value: number }[]; className: string }) {
  const w = 600;
  const h = 200;
  const pad = { left: 40, right: 10, top: 10, bottom: 28 };
  const max = Math.max(1, ...props.points.map((p) => p.value));
  const n = props.points.length;
  const px = (i: number) => pad.left + (n <= 1 ? 0 : (i / (n - 1)) * (w - pad.left - pad.right));
  const py = (v: number) => h - pad.bottom - (v / max) * (h - pad.top - pad.bottom);
  const path = props.points.map((p, i) => `${px(i).toFixed(1)},${py(p.value).toFixed(1)}`).join(' ');
  const first = props.points[0];
  const last = props.points[n - 1];
  return (
    <figure className="line-chart">
      <figcaption>{props.title}</figcaption>
      <svg viewBox={`0 0 ${w} ${h}`} role="img" aria-label={`${props.title}: from ${first?.value ?? 0} to ${last?.value ?? 0}.`} className="line-chart-svg">
        <line x1={pad.left} x2={w - pad.right} y1={h - pad.bottom} y2={h - pad.bottom} className="axis" />
        <line x1={pad.left} x2={pad.left} y1={pad.top} y2={h - pad.bottom} className="axis" />
        <text x={pad.left - 6} y={py(max) + 4} textAnchor="end" className="axis-label">
          {formatNumber(max)}
        </text>
        <text x={pad.left - 6} y={h - pad.bottom + 4} textAnchor="end" className="axis-label">
          0
        </text>
        {first ? (
          <text x={pad.left} y={h - 8} className="axis-label">
            {first.label}
          </text>
        ) : null}
        {last && n > 1 ? (
          <text x={w - pad.right} y={h - 8} textAnchor="end" className="axis-label">
            {last.label}
          </text>
        ) : null}
        <polyline points={path} className={`series ${props.className}`} />
        {props.points.map((p, i) => (
          <circle key={p.label} cx={px(i)} cy={py(p.value)} r="3.5" className={`series-dot ${props.className}`}>
            <title>
              {p.label}: {p.value}
            </title>
          </circle>
        ))}
      </svg>
    </figure>
  );
}

export function GrowthChart(props: { growth: Growth }) {
  const weeks = props.growth.weeks;
  if (weeks.length === 0) return null;
  const label = (d: string) => formatDate(d);
  return (
    <div className="growth">
      <div className="growth-charts">
        <LineChart
          title="Supporters with a valid card, by week"
          points={weeks.flatMap((w) => (w.supporters === null ? [] : [{ label: label(w.weekEnd), value: w.supporters }]))}
          className="series-supporters"
        />
        <LineChart title="Schools with supporters, by week" points={weeks.map((w) => ({ label: label(w.weekEnd), value: w.schools }))} className="series-schools" />
      </div>
      <details>
        <summary>The numbers behind the charts</summary>
        <DataTable columns={['Week ending', 'Supporters', 'Schools']}>
          {weeks.map((w) => (
            <tr key={w.weekStart}>
              <th scope="row">{label(w.weekEnd)}</th>
              <td>{formatCount(w.supporters)}</td>
              <td>{formatNumber(w.schools)}</td>
            </tr>
          ))}
        </DataTable>
      </details>
    </div>
  );
}
