import { useState } from 'react';
import { Link } from 'react-router';
import { ErrorNotice, SuccessNotice } from '../components/error-notice.js';
import { Field } from '../components/field.js';
import { PageHeader } from '../components/page-header.js';
import { ListStatus } from '../components/status.js';
import { api, campaignPath } from '../lib/api.js';
import { useCampaign } from '../lib/campaign.js';
import { formatDate, formatNumber } from '../lib/format.js';
import { personPagePath, type CommitteeList, type CommitteeMember, type CoverageSite } from '../lib/organizing-types.js';
import { apiKey, useApiMutation, useApiQuery } from '../lib/query.js';

type Assignment = { accountId: string; personIds: string[] };

/** Per school: who is on no committee member's list, who has not been talked to in 30 days. */
export function CoveragePage() {
  const campaign = useCampaign();
  const coverage = useApiQuery<{ worksites: CoverageSite[] }>(campaignPath(campaign.slug, '/coverage'));
  const lists = useApiQuery<{ lists: CommitteeList[] }>(campaignPath(campaign.slug, '/committee-lists'));
  const canAssign = campaign.can('committee.assign');
  const committee = useApiQuery<{ members: CommitteeMember[] }>(canAssign ? campaignPath(campaign.slug, '/committee-members') : null);
  const [saved, setSaved] = useState<string | null>(null);
  const assignment = useApiMutation<Assignment, { assigned: number }>({
    mutationFn: ({ accountId, personIds }) => api.post<{ assigned: number }>(campaignPath(campaign.slug, `/committee-lists/${accountId}/people`), { personIds }),
    fallback: 'Could not assign. Try again.',
    invalidates: [apiKey(campaignPath(campaign.slug, '/coverage')), apiKey(campaignPath(campaign.slug, '/committee-lists'))],
    onSuccess: (result) => setSaved(`${formatNumber(result.assigned)} added to the list.`),
  });

  function assign(accountId: string, personIds: string[]): void {
    setSaved(null);
    assignment.mutate({ accountId, personIds });
  }

  return (
    <>
      <PageHeader title="Coverage" intro={<p>Who organizes whom. For each school: people on no committee member’s list, and people no one has talked to in 30 days.</p>} />
      {saved ? <SuccessNotice>{saved}</SuccessNotice> : null}
      <ErrorNotice error={assignment.error} />
      <ListStatus query={coverage} count={coverage.data?.worksites.length ?? 0} empty="No schools to show." />
      {coverage.data?.worksites.map((site) => (
        <section key={site.worksiteId} className="section" aria-labelledby={`site-${site.worksiteId}`}>
          <h2 id={`site-${site.worksiteId}`}>{site.worksiteName}</h2>
          <p>
            {formatNumber(site.people)} in the unit · {formatNumber(site.assigned)} on a list · {formatNumber(site.contactedRecently)} talked to in the last 30 days
          </p>
          <SiteAssign
            site={site}
            members={(committee.data?.members ?? []).filter((m) => m.worksiteIds.includes(site.worksiteId))}
            onAssign={assign}
            slug={campaign.slug}
          />
          {site.notContacted.length > 0 ? (
            <details>
              <summary>Not talked to in 30 days ({formatNumber(site.notContacted.length)})</summary>
              <ul>
                {site.notContacted.map((p) => (
                  <li key={p.personId}>
                    <Link to={personPagePath(campaign.slug, p.personId)}>{p.name}</Link>{' '}
                    <span className="subtle">
                      {p.lastConversationAt ? `last ${formatDate(p.lastConversationAt.slice(0, 10))}` : 'never'}
                      {p.listOwner ? ` · ${p.listOwner}’s list` : ''}
                    </span>
                  </li>
                ))}
              </ul>
            </details>
          ) : null}
        </section>
      ))}
      {lists.data && lists.data.lists.length > 0 ? (
        <section className="section" aria-labelledby="lists-heading">
          <h2 id="lists-heading">Committee lists</h2>
          {lists.data.lists.map((list) => (
            <details key={list.accountId}>
              <summary>
                {list.name} ({formatNumber(list.people.length)})
              </summary>
              <ul>
                {list.people.map((p) => (
                  <li key={p.personId}>
                    <Link to={personPagePath(campaign.slug, p.personId)}>{p.name}</Link>
                  </li>
                ))}
              </ul>
            </details>
          ))}
        </section>
      ) : null}
    </>
  );
}

function SiteAssign(props: { site: CoverageSite; members: CommitteeMember[]; onAssign: (accountId: string, personIds: string[]) => void; slug: string }) {
  const [accountId, setAccountId] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  if (props.site.unassigned.length === 0) return <p className="subtle">Everyone here is on a list.</p>;
  return (
    <details>
      <summary>On no one’s list ({formatNumber(props.site.unassigned.length)})</summary>
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          if (accountId && chosen.length > 0) props.onAssign(accountId, chosen);
          setChosen([]);
        }}
      >
        <div className="checkbox-grid">
          {props.site.unassigned.map((p) => (
            <div key={p.personId} className="checkbox">
              <input
                id={`u-${p.personId}`}
                type="checkbox"
                checked={chosen.includes(p.personId)}
                onChange={(e) => setChosen(e.target.checked ? [...chosen, p.personId] : chosen.filter((id) => id !== p.personId))}
                disabled={props.members.length === 0}
              />
              <label htmlFor={`u-${p.personId}`}>{p.name}</label>
            </div>
          ))}
        </div>
        {props.members.length > 0 ? (
          <>
            <Field label="Add to the list of">
              {(control) => (
                <select {...control} value={accountId} onChange={(e) => setAccountId(e.target.value)} required>
                  <option value="">Choose a committee member…</option>
                  {props.members.map((m) => (
                    <option key={m.accountId} value={m.accountId}>
                      {m.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <div className="form-actions">
              <button type="submit" className="button-primary" disabled={chosen.length === 0}>
                Assign {chosen.length > 0 ? formatNumber(chosen.length) : ''}
              </button>
            </div>
          </>
        ) : (
          <p className="subtle">No committee member has this school yet (give someone the committee role for it under Members &amp; roles).</p>
        )}
      </form>
    </details>
  );
}
