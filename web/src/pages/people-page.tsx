import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { DataTable } from '../components/data-table.js';
import { Field } from '../components/field.js';
import { PageHeader } from '../components/page-header.js';
import { EmptyState, ListStatus } from '../components/status.js';
import { campaignPath } from '../lib/api.js';
import type { RosterPerson } from '../lib/api-types.js';
import { useCampaign } from '../lib/campaign.js';
import { formatDate, formatNumber, plural } from '../lib/format.js';
import { personPagePath } from '../lib/organizing-types.js';
import { useApiQuery } from '../lib/query.js';

type Roster = { asOf: string; people: RosterPerson[] };

const normalize = (text: string): string => text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase();

export function PeoplePage() {
  const campaign = useCampaign();
  const roster = useApiQuery<Roster>(campaignPath(campaign.slug, '/people'));
  const { data } = roster;
  const [search, setSearch] = useState('');
  const [school, setSchool] = useState('');
  const schools = campaign.worksitesFor('people.view');
  const limited = campaign.role === 'committee';

  const counts = useMemo(() => {
    const byId = new Map<string, number>();
    for (const p of data?.people ?? []) byId.set(p.worksiteId, (byId.get(p.worksiteId) ?? 0) + 1);
    return byId;
  }, [data]);

  const shown = useMemo(() => {
    const words = normalize(search).split(/\s+/).filter(Boolean);
    return (data?.people ?? []).filter((p) => {
      if (school && p.worksiteId !== school) return false;
      if (words.length === 0) return true;
      const haystack = normalize(`${p.givenName} ${p.familyName} ${p.workEmail ?? ''} ${p.employeeId ?? ''} ${p.jobTitle ?? ''}`);
      return words.every((w) => haystack.includes(w));
    });
  }, [data, search, school]);

  const intro = (
    <>
      <p>
        {limited ? `The educators at your ${schools.length === 1 ? 'school' : 'schools'}: ${schools.map((s) => s.name).join(', ')}.` : 'Everyone on the roster, by school.'}
      </p>
      <p className="privacy-note">
        <strong>Opening this list is logged</strong> with your name and the time, so the campaign can see who looked at people's names. Do not share screenshots
        of it.
      </p>
    </>
  );

  const exportLink = campaign.can('export.individual') ? (
    <a className="button-secondary" href={campaignPath(campaign.slug, '/people/export.csv')} download>
      Download roster (CSV)
    </a>
  ) : null;

  return (
    <>
      <PageHeader title="People" intro={intro} actions={exportLink} />
      <ListStatus query={roster} count={data?.people.length ?? 0} empty={limited ? 'No one on the roster at your schools yet.' : 'No one on the roster yet.'} loading="Loading the roster…">
        <p>Once the roster is imported, educators appear here by school.</p>
      </ListStatus>
      {data && data.people.length > 0 ? (
        <>
          <form className="filters" role="search" onSubmit={(e) => e.preventDefault()}>
            <Field label="Search" hint="Name, email, employee ID or job title">
              {(control) => <input {...control} type="search" value={search} onChange={(e) => setSearch(e.target.value)} autoComplete="off" />}
            </Field>
            {schools.length > 1 ? (
              <Field label="School">
                {(control) => (
                  <select {...control} value={school} onChange={(e) => setSchool(e.target.value)}>
                    <option value="">All schools ({formatNumber(data.people.length)})</option>
                    {schools.map((s) => (
                      <option key={s.id} value={s.id}>
                        {s.name} ({formatNumber(counts.get(s.id) ?? 0)})
                      </option>
                    ))}
                  </select>
                )}
              </Field>
            ) : null}
          </form>
          <p className="result-count" role="status" aria-live="polite">
            Showing {shown.length === data.people.length ? plural(shown.length, 'person', 'people') : `${formatNumber(shown.length)} of ${plural(data.people.length, 'person', 'people')}`}{' '}
            as of {formatDate(data.asOf)}.
          </p>
          {shown.length === 0 ? (
            <EmptyState title="No one matches.">
              <button
                type="button"
                className="button-secondary"
                onClick={() => {
                  setSearch('');
                  setSchool('');
                }}
              >
                Clear the search
              </button>
            </EmptyState>
          ) : (
            <DataTable caption="People on the roster" columns={['Name', 'School', 'Job title', 'Unit', 'Work email', 'Employee ID']}>
              {shown.map((p) => (
                <tr key={`${p.personId}-${p.worksiteId}`}>
                  <th scope="row" data-label="Name">
                    <Link to={personPagePath(campaign.slug, p.personId)}>
                      {p.familyName}, {p.givenName}
                    </Link>
                  </th>
                  <td data-label="School">{p.worksiteName}</td>
                  <td data-label="Job title">{p.jobTitle ?? '—'}</td>
                  <td data-label="Unit">{p.unitName ?? 'Not in the unit'}</td>
                  <td data-label="Work email">{p.workEmail ?? '—'}</td>
                  <td data-label="Employee ID">{p.employeeId ?? '—'}</td>
                </tr>
              ))}
            </DataTable>
          )}
        </>
      ) : null}
    </>
  );
}
