import { useState } from 'react';
import { Link } from 'react-router';
import { DataTable, type Column } from '../components/data-table.js';
import { Field } from '../components/field.js';
import { InfoNotice } from '../components/error-notice.js';
import { PageHeader } from '../components/page-header.js';
import { Loading, LoadError, QueryStatus } from '../components/status.js';
import { GrowthChart, supportBand, Thermometer } from '../components/support-charts.js';
import { TodayPanel } from '../components/today-panel.js';
import { campaignPath } from '../lib/api.js';
import type { ActivityCounts, Dashboard, Growth } from '../lib/api-types.js';
import type { Task } from '../lib/organizing-types.js';
import { useCampaign } from '../lib/campaign.js';
import { formatCount, formatDate, formatNumber, plural, todayIso } from '../lib/format.js';
import { useMenu } from '../lib/menu.js';
import { useApiQuery } from '../lib/query.js';

type SortKey = 'name' | 'eligible' | 'validCards' | 'percent';
const PAGE = 100;

export function DashboardPage() {
  const campaign = useCampaign();
  const [asOf, setAsOf] = useState('');
  const [sort, setSort] = useState<{ key: SortKey; order: 'asc' | 'desc' }>({ key: 'name', order: 'asc' });
  const [offset, setOffset] = useState(0);
  const validDate = /^\d{4}-\d{2}-\d{2}$/.test(asOf) ? asOf : undefined;
  const dashboard = useApiQuery<Dashboard>(campaignPath(campaign.slug, '/dashboard'), {
    params: { asOf: validDate, sort: sort.key, order: sort.order, limit: PAGE, offset },
    keepPrevious: true,
  });
  const { data } = dashboard;
  // Committee members get their own schools' figures, today only, and no campaign-wide growth (decision 0023).
  const ownSchools = data?.disclosure.totals === 'own-worksites';
  const growth = useApiQuery<Growth>(data && !ownSchools ? campaignPath(campaign.slug, '/growth') : null, { params: { to: data?.asOf } });
  // Assessments in aggregate (no names): the organizers' "likely yes", 1s and 2s.
  const assessed = useApiQuery<{ total: { likelyYes: number } | null }>(data ? campaignPath(campaign.slug, '/assessments/summary') : null, { params: { asOf: data?.asOf } });
  // My open follow-ups in this campaign (the API lists them soonest due first).
  const tasks = useApiQuery<{ tasks: Task[] }>(campaign.can('conversations.edit') ? '/api/me/tasks' : null);
  const myTasks = (tasks.data?.tasks ?? []).filter((task) => task.campaign?.slug === campaign.slug);
  const goalPercent = data?.goalPercent ?? campaign.detail.campaign.goalPercent;
  const others = useMenu().filter((item) => item.path !== 'dashboard');

  function sortBy(key: SortKey) {
    setOffset(0);
    setSort((s) => ({ key, order: s.key === key ? (s.order === 'asc' ? 'desc' : 'asc') : key === 'name' ? 'asc' : 'desc' }));
  }
  const sortColumn = (key: SortKey, label: string): Column => ({
    label,
    sort: sort.key === key ? (sort.order === 'asc' ? 'ascending' : 'descending') : undefined,
    header: (
      <button type="button" className="sort-button" onClick={() => sortBy(key)}>
        {label}
        <span aria-hidden="true">{sort.key === key ? (sort.order === 'asc' ? ' ▲' : ' ▼') : ''}</span>
      </button>
    ),
  });
  const showDate = (d: string) => {
    setOffset(0);
    setAsOf(d);
  };

  return (
    <>
      <PageHeader title="Dashboard" intro={<p>{campaign.detail.campaign.name}: where the campaign stands.</p>} />
      <QueryStatus query={dashboard} />
      {data && asOf === '' ? <TodayPanel dashboard={data} /> : null}
      {data ? (
        <section aria-labelledby="numbers-heading" aria-busy={dashboard.isFetching}>
          <h2 id="numbers-heading" className="visually-hidden">
            Numbers as of {formatDate(data.asOf)}
          </h2>
          <ul className="stats">
            <li className="stat">
              <span className="stat-value" data-testid="valid-cards">
                {formatCount(data.validCards)}
              </span>
              <span className="stat-label">educators with a valid card{ownSchools ? ' at your schools' : ''}</span>
            </li>
            <li className="stat">
              <span className="stat-value" data-testid="eligible">
                {formatNumber(data.eligible)}
              </span>
              <span className="stat-label">educators in the bargaining unit</span>
            </li>
            <li className="stat">
              <span className="stat-value" data-testid="worksites">
                {formatNumber(data.worksites)}
              </span>
              <span className="stat-label">{data.worksites === 1 ? 'school' : 'schools'} with educators in the unit</span>
            </li>
            <li className="stat">
              <span className="stat-value" data-testid="schools-with-supporters">
                {formatNumber(data.schoolsWithSupporters)}
              </span>
              <span className="stat-label">schools with supporters</span>
            </li>
            {assessed.data ? (
              <li className="stat">
                <span className="stat-value" data-testid="likely-yes">
                  {formatCount(assessed.data.total?.likelyYes ?? null)}
                </span>
                <span className="stat-label">likely yes (assessed 1 or 2){ownSchools ? ' on your list' : ''}</span>
              </li>
            ) : null}
          </ul>
          <p className="as-of">As of {formatDate(data.asOf)}. A card counts once verified, for one year from the day it was signed, unless revoked.</p>
          {data.disclosure.totals !== 'exact' ? (
            <p className="hint">Figures that would count fewer than 5 people are withheld, so that no one’s support can be worked out from them.</p>
          ) : null}
          {data.disclosure.schools === 'none' && !ownSchools ? <p className="hint">School figures for another day are for organizers.</p> : null}
          {ownSchools ? null : (
            <details className="other-date" open={asOf !== ''}>
              <summary>See the numbers on another date</summary>
              <Field label="Date" hint="Counts the people employed, and the cards valid, on that day. Clear it for today.">
                {(control) => <input {...control} type="date" value={asOf} max={todayIso()} onChange={(e) => showDate(e.target.value)} />}
              </Field>
            </details>
          )}
          {data.validCards === 0 && data.cardDates?.last && data.cardDates.last < data.asOf ? (
            <InfoNotice>
              <p>
                No card is valid on this date. The most recent card was signed on {formatDate(data.cardDates.last)}.{' '}
                <button type="button" className="button-link" onClick={() => showDate(data.cardDates?.last ?? '')}>
                  Show the numbers on {formatDate(data.cardDates.last)}
                </button>
              </p>
            </InfoNotice>
          ) : null}

          <section className="section" aria-labelledby="units-heading">
            <h2 id="units-heading">Support by bargaining unit</h2>
            {data.units.map((u) => (
              <Thermometer key={u.id} unit={u} goalPercent={goalPercent} />
            ))}
          </section>

          {campaign.can('conversations.edit') ? (
            <section className="section" aria-labelledby="tasks-heading">
              <h2 id="tasks-heading">Your tasks due</h2>
              {tasks.error ? <LoadError error={tasks.error} retry={() => void tasks.refetch()} /> : null}
              {tasks.data && myTasks.length === 0 ? <p>No open follow-ups are assigned to you.</p> : null}
              {myTasks.length > 0 ? (
                <ul className="task-summary">
                  {myTasks.slice(0, 5).map((task) => (
                    <li key={task.id}>
                      {task.dueDate ? <strong>{task.dueDate < todayIso() ? `Overdue since ${formatDate(task.dueDate)}` : `Due ${formatDate(task.dueDate)}`}: </strong> : null}
                      {task.title}
                      {task.personName ? ` (${task.personName})` : ''}
                    </li>
                  ))}
                </ul>
              ) : null}
              {myTasks.length > 0 ? (
                <p>
                  <Link to={`/app/c/${encodeURIComponent(campaign.slug)}/tasks`}>{myTasks.length > 5 ? `All ${myTasks.length} tasks` : 'Open my tasks'}</Link>
                </p>
              ) : null}
            </section>
          ) : null}

          {data.activity ? (
            <section className="section" aria-labelledby="activity-heading">
              <h2 id="activity-heading">Recent activity</h2>
              <div className="activity">
                <Activity title="Last 7 days" counts={data.activity.last7Days} />
                <Activity title="Last 30 days" counts={data.activity.last30Days} />
              </div>
              {(data.activity.last30Days.awaitingReview ?? 0) > 0 && campaign.can('cards.enter') ? (
                <p>
                  <Link to={`/app/c/${encodeURIComponent(campaign.slug)}/cards/review`}>{plural(data.activity.last30Days.awaitingReview ?? 0, 'card waits', 'cards wait')} for review</Link>{' '}
                  (matching no one, or several people, on the roster).
                </p>
              ) : null}
              {(data.activity.last30Days.awaitingVerification ?? 0) > 0 && campaign.can('cards.view') ? (
                <p>
                  <Link to={`/app/c/${encodeURIComponent(campaign.slug)}/cards`}>{plural(data.activity.last30Days.awaitingVerification ?? 0, 'card waits', 'cards wait')} for verification</Link>{' '}
                  (they count once verified).
                </p>
              ) : null}
            </section>
          ) : null}

          {ownSchools ? null : (
            <section className="section" aria-labelledby="growth-heading">
              <h2 id="growth-heading">Growth</h2>
              {growth.error ? <LoadError error={growth.error} retry={() => void growth.refetch()} /> : null}
              {growth.data && growth.data.weeks.length > 0 ? <GrowthChart growth={growth.data} /> : growth.data ? <p>No cards yet.</p> : <Loading />}
            </section>
          )}

          <section className="section" aria-labelledby="schools-heading">
            <h2 id="schools-heading">Schools</h2>
            <p className="legend">
              <span className="swatch band-low" /> under 30% <span className="swatch band-showing" /> 30% or more <span className="swatch band-majority" /> majority{' '}
              <span className="swatch band-goal" /> {goalPercent}% goal
            </p>
            <DataTable
              caption="Support by school, sortable"
              className="schools-table"
              columns={[sortColumn('name', 'School'), sortColumn('eligible', 'Educators'), sortColumn('validCards', 'Cards'), sortColumn('percent', 'Percent'), 'To majority']}
            >
              {data.schools.map((s) => (
                <tr key={s.id} className={supportBand(s.percent, s.majority.met, goalPercent)}>
                  <th scope="row" data-label="School">
                    {s.name}
                  </th>
                  <td data-label="Educators">{formatNumber(s.eligible)}</td>
                  <td data-label="Cards">{formatCount(s.validCards)}</td>
                  <td data-label="Percent">{s.percent === null ? 'withheld' : `${s.percent}%`}</td>
                  <td data-label="To majority">{s.majority.met === null ? 'withheld' : s.majority.met ? 'Majority' : `${formatCount(s.majority.remaining)} more`}</td>
                </tr>
              ))}
            </DataTable>
            {data.schoolsTotal > PAGE ? (
              <div className="pager">
                <button type="button" className="button-secondary" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
                  Previous
                </button>
                <span>
                  {formatNumber(offset + 1)}–{formatNumber(Math.min(offset + PAGE, data.schoolsTotal))} of {formatNumber(data.schoolsTotal)}
                </span>
                <button type="button" className="button-secondary" disabled={offset + PAGE >= data.schoolsTotal} onClick={() => setOffset(offset + PAGE)}>
                  Next
                </button>
              </div>
            ) : null}
          </section>
        </section>
      ) : null}
      {others.length > 0 ? (
        <section aria-labelledby="pages-heading" className="overview">
          <h2 id="pages-heading">What you can do here</h2>
          <ul className="link-cards">
            {others.map((item) => (
              <li key={item.to}>
                <Link to={item.to}>{item.label}</Link>
                <p>{item.description}</p>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}

function Activity(props: { title: string; counts: ActivityCounts }) {
  const c = props.counts;
  return (
    <div className="activity-box">
      <h3>{props.title}</h3>
      <ul>
        <li>
          {c.cardsSigned === null ? 'Cards signed: withheld (fewer than 5)' : plural(c.cardsSigned, 'card signed', 'cards signed')} at {plural(c.schools, 'school', 'schools')}
          {(c.paperCards ?? 0) > 0 ? ` (${formatCount(c.paperCards)} on paper)` : ''}
        </li>
        <li>{c.revocations === null ? 'Cards revoked: withheld (fewer than 5)' : plural(c.revocations, 'card revoked', 'cards revoked')}</li>
      </ul>
    </div>
  );
}
