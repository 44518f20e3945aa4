import { useState } from 'react';
import { Field } from '../components/field.js';
import { InfoNotice } from '../components/error-notice.js';
import { PageHeader } from '../components/page-header.js';
import { LoadError, Loading } from '../components/status.js';
import { campaignPath, query } from '../lib/api.js';
import type { Dashboard } from '../lib/api-types.js';
import { useCampaign } from '../lib/campaign.js';
import { formatDate, formatNumber, todayIso } from '../lib/format.js';
import { Link } from '../lib/router.js';
import { useMenu } from '../lib/menu.js';
import { useApi } from '../lib/use-api.js';

export function DashboardPage() {
  const campaign = useCampaign();
  const [asOf, setAsOf] = useState('');
  const validDate = /^\d{4}-\d{2}-\d{2}$/.test(asOf) ? asOf : undefined;
  const { data, error, loading, reload } = useApi<Dashboard>(campaignPath(campaign.slug, `/dashboard${query({ as_of: validDate })}`));
  const { goalPercent } = campaign.detail.campaign;
  const others = useMenu().filter((item) => item.path !== 'dashboard');

  return (
    <>
      <PageHeader title="Dashboard" intro={<p>{campaign.detail.campaign.name}: where the campaign stands.</p>} />
      {error ? <LoadError error={error} retry={reload} /> : null}
      {loading && !data ? <Loading /> : null}
      {data ? (
        <section aria-labelledby="numbers-heading" aria-busy={loading}>
          <h2 id="numbers-heading" className="visually-hidden">
            Numbers as of {formatDate(data.asOf)}
          </h2>
          <ul className="stats">
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
              <span className="stat-value">{formatNumber(Math.ceil((data.eligible * goalPercent) / 100))}</span>
              <span className="stat-label">supporters needed for the {goalPercent}% goal</span>
            </li>
          </ul>
          <p className="as-of">As of {formatDate(data.asOf)}.</p>
          <details className="other-date" open={asOf !== ''}>
            <summary>See the numbers on another date</summary>
            <Field label="Date" hint="Counts the people employed on that day. Clear it for today.">
              {(control) => <input {...control} type="date" value={asOf} max={todayIso()} onChange={(e) => setAsOf(e.target.value)} />}
            </Field>
          </details>
          <InfoNotice>
            <p>
              <strong>Support numbers are coming.</strong> Cards signed, and how close each school is to a majority, will show here once card collection is set up in
              Unionhall.
            </p>
          </InfoNotice>
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
