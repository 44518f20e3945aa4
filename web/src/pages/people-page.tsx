import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import type { ListedPersonResponse } from '#contracts/people-list.js';
import { cardFilters, contactFilters, peopleSorts, ratingFilters, type CardFilter, type ContactFilter, type PeopleSort, type RatingFilter } from '#vocabulary/people-list.js';
import { DataTable } from '../components/data-table.js';
import { ErrorNotice, SuccessNotice } from '../components/error-notice.js';
import { Field } from '../components/field.js';
import { PageHeader } from '../components/page-header.js';
import { SavedViews } from '../components/saved-views.js';
import { EmptyState } from '../components/status.js';
import { api, campaignPath, query, type QueryParams } from '../lib/api.js';
import { useCampaign } from '../lib/campaign.js';
import { formatDate, formatNumber, plural } from '../lib/format.js';
import { personPagePath, type CommitteeMember } from '../lib/organizing-types.js';
import { apiKey, toApiError, useApiMutation, useApiQuery } from '../lib/query.js';

type Page = { asOf: string; people: ListedPersonResponse[]; next: string | null };
type Filters = { search: string; worksiteId: string; unitId: string; assigneeAccountId: string; rating: RatingFilter | ''; card: CardFilter | ''; lastContact: ContactFilter | ''; sort: PeopleSort };

const PAGE_SIZE = 50;
const empty: Filters = { search: '', worksiteId: '', unitId: '', assigneeAccountId: '', rating: '', card: '', lastContact: '', sort: 'name' };

const sortLabels: Record<PeopleSort, string> = { name: 'Name', school: 'School', unit: 'Unit', rating: 'Support rating', card: 'Card status', last_contact: 'Last contact (longest ago first)', assignee: 'Committee member' };
const ratingLabels: Record<RatingFilter, string> = { 1: '1 · Leader / strong supporter', 2: '2 · Supporter', 3: '3 · Undecided', 4: '4 · Leaning against', 5: '5 · Opposed', unknown: 'Not rated' };
const cardLabels: Record<CardFilter, string> = { signed: 'Signed (valid)', waiting: 'Waiting for verification', revoked: 'Revoked', expired: 'Expired', none: 'No card' };
const contactLabels: Record<ContactFilter, string> = { never: 'Never talked to', within_30_days: 'Talked to in the last 30 days', over_30_days: 'Not talked to in 30 days' };

/** The people list: filters and sorts run on the server, 50 at a time; select people to put them on a committee member's list. */
export function PeoplePage() {
  const campaign = useCampaign();
  const [filters, setFilters] = useState<Filters>(empty);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [assignee, setAssignee] = useState('');
  const [saved, setSaved] = useState<string | null>(null);
  const schools = campaign.worksitesFor('people.view');
  const limited = campaign.role === 'committee';
  const canAssign = campaign.can('committee.assign');
  const path = campaignPath(campaign.slug, '/people/list');
  const params: QueryParams = { ...filters, limit: PAGE_SIZE };

  const list = useInfiniteQuery<Page, Error>({
    queryKey: apiKey(path, params),
    initialPageParam: null,
    queryFn: async ({ pageParam, signal }) => {
      try {
        return await api.get<Page>(`${path}${query({ ...params, after: typeof pageParam === 'string' ? pageParam : undefined })}`, { signal });
      } catch (err) {
        if (err instanceof DOMException && err.name === 'AbortError') throw err;
        throw toApiError(err, 'Could not load the list. Reload the page and try again.');
      }
    },
    getNextPageParam: (last) => last.next,
  });
  const members = useApiQuery<{ members: CommitteeMember[] }>(canAssign ? campaignPath(campaign.slug, '/committee-members') : null);
  const assignment = useApiMutation<{ accountId: string; personIds: string[] }, { assigned: number }>({
    mutationFn: ({ accountId, personIds }) => api.post<{ assigned: number }>(campaignPath(campaign.slug, `/committee-lists/${accountId}/people`), { personIds }),
    fallback: 'Could not assign. Try again.',
    invalidates: [apiKey(path), apiKey(campaignPath(campaign.slug, '/committee-lists'))],
    onSuccess: (result) => {
      setSaved(`${plural(result.assigned, 'person', 'people')} put on the list.`);
      setSelected(new Set());
    },
  });

  const rows = list.data?.pages.flatMap((p) => p.people) ?? [];
  const asOf = list.data?.pages[0]?.asOf;
  const set = <K extends keyof Filters>(key: K, value: Filters[K]): void => {
    setFilters((f) => ({ ...f, [key]: value }));
    setSelected(new Set());
  };
  const toggle = (id: string): void =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const intro = (
    <>
      <p>{limited ? `The educators at your ${schools.length === 1 ? 'school' : 'schools'}. Ratings, cards and conversations show for the people on your list.` : 'Everyone on the roster today.'}</p>
      <p className="privacy-note">
        <strong>Opening this list is logged</strong> with your name and the time, so the campaign can see who looked at people's names. Do not share screenshots of it.
      </p>
    </>
  );
  const exportLink = campaign.can('export.individual') ? (
    <a className="button-secondary" href={campaignPath(campaign.slug, '/people/export.csv')} download>
      Download the list with phones (CSV)
    </a>
  ) : null;

  return (
    <>
      <PageHeader title="People" intro={intro} actions={exportLink} />
      <form className="filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <Field label="Search by name" hint="Accents and capitals do not matter">
          {(control) => <input {...control} type="search" value={filters.search} onChange={(e) => set('search', e.target.value)} autoComplete="off" />}
        </Field>
        {schools.length > 1 ? (
          <Field label="School">
            {(control) => (
              <select {...control} value={filters.worksiteId} onChange={(e) => set('worksiteId', e.target.value)}>
                <option value="">All schools</option>
                {schools.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
        ) : null}
        <Field label="Unit">
          {(control) => (
            <select {...control} value={filters.unitId} onChange={(e) => set('unitId', e.target.value)}>
              <option value="">Any</option>
              {campaign.detail.units.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
              <option value="none">Not in a unit</option>
            </select>
          )}
        </Field>
        <ChoiceFilter label="Support rating" value={filters.rating} choices={ratingFilters} labels={ratingLabels} onChange={(v) => set('rating', v)} />
        <ChoiceFilter label="Card" value={filters.card} choices={cardFilters} labels={cardLabels} onChange={(v) => set('card', v)} />
        <ChoiceFilter label="Last contact" value={filters.lastContact} choices={contactFilters} labels={contactLabels} onChange={(v) => set('lastContact', v)} />
        {canAssign ? (
          <Field label="Committee member">
            {(control) => (
              <select {...control} value={filters.assigneeAccountId} onChange={(e) => set('assigneeAccountId', e.target.value)}>
                <option value="">Any</option>
                <option value="none">On no one's list</option>
                {(members.data?.members ?? []).map((m) => (
                  <option key={m.accountId} value={m.accountId}>
                    {m.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
        ) : null}
        <Field label="Sort by">
          {(control) => (
            <select {...control} value={filters.sort} onChange={(e) => set('sort', e.target.value as PeopleSort)}>
              {peopleSorts.map((s) => (
                <option key={s} value={s}>
                  {sortLabels[s]}
                </option>
              ))}
            </select>
          )}
        </Field>
      </form>
      <SavedViews
        slug={campaign.slug}
        current={Object.fromEntries(Object.entries(filters).filter((e): e is [string, string] => e[1] !== ''))}
        onApply={(q) => {
          setFilters({ ...empty, ...(q as Partial<Filters>) });
          setSelected(new Set());
        }}
      />

      {saved ? <SuccessNotice>{saved}</SuccessNotice> : null}
      <ErrorNotice error={assignment.error} />
      {list.error ? <p role="alert">{list.error.message}</p> : null}
      {list.isPending ? <p role="status">Loading the list…</p> : null}

      {canAssign && selected.size > 0 ? (
        <form
          className="bulk-actions"
          onSubmit={(e) => {
            e.preventDefault();
            setSaved(null);
            if (assignee) assignment.mutate({ accountId: assignee, personIds: [...selected] });
          }}
        >
          <p>{plural(selected.size, 'person', 'people')} selected.</p>
          <Field label="Put them on the list of">
            {(control) => (
              <select {...control} value={assignee} onChange={(e) => setAssignee(e.target.value)} required>
                <option value="">Choose a committee member</option>
                {(members.data?.members ?? []).map((m) => (
                  <option key={m.accountId} value={m.accountId}>
                    {m.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <button type="submit" disabled={assignment.isPending}>
            Assign
          </button>
        </form>
      ) : null}

      {list.data ? (
        <>
          <p className="result-count" role="status" aria-live="polite">
            Showing {plural(rows.length, 'person', 'people')}
            {list.hasNextPage ? ' (more below)' : ''}
            {asOf ? ` as of ${formatDate(asOf)}` : ''}.
          </p>
          {rows.length === 0 ? (
            <EmptyState title="No one matches.">
              <button type="button" className="button-secondary" onClick={() => setFilters(empty)}>
                Clear the filters
              </button>
            </EmptyState>
          ) : (
            <DataTable caption="People" columns={[...(canAssign ? ['Select'] : []), 'Name', 'School', 'Unit', 'Rating', 'Card', 'Last contact', 'Committee member']}>
              {rows.map((p) => (
                <tr key={`${p.personId}-${p.worksiteId}`}>
                  {canAssign ? (
                    <td data-label="Select">
                      <input type="checkbox" aria-label={`Select ${p.givenName} ${p.familyName}`} checked={selected.has(p.personId)} onChange={() => toggle(p.personId)} />
                    </td>
                  ) : null}
                  <th scope="row" data-label="Name">
                    <Link to={personPagePath(campaign.slug, p.personId)}>
                      {p.familyName}, {p.givenName}
                    </Link>
                  </th>
                  <td data-label="School">{p.worksiteName}</td>
                  <td data-label="Unit">{p.unitName ?? 'Not in a unit'}</td>
                  <td data-label="Rating">{p.detailHidden && p.level === null ? '—' : p.level === null ? 'Not rated' : ratingLabels[String(p.level) as RatingFilter]}</td>
                  <td data-label="Card">{p.card === null ? '—' : cardLabels[p.card]}</td>
                  <td data-label="Last contact">{p.lastContactAt ? formatDate(p.lastContactAt.slice(0, 10)) : p.detailHidden ? '—' : 'Never'}</td>
                  <td data-label="Committee member">{p.assigneeName ?? 'No one'}</td>
                </tr>
              ))}
            </DataTable>
          )}
          {list.hasNextPage ? (
            <button type="button" className="button-secondary" disabled={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
              {list.isFetchingNextPage ? 'Loading…' : `Show the next ${formatNumber(PAGE_SIZE)}`}
            </button>
          ) : null}
        </>
      ) : null}
    </>
  );
}

/** A filter over a fixed set of choices, with "Any" (the empty value) first. */
function ChoiceFilter<T extends string>(props: { label: string; value: T | ''; choices: readonly T[]; labels: Record<T, string>; onChange: (value: T | '') => void }) {
  return (
    <Field label={props.label}>
      {(control) => (
        <select {...control} value={props.value} onChange={(e) => props.onChange(e.target.value as T | '')}>
          <option value="">Any</option>
          {props.choices.map((choice) => (
            <option key={choice} value={choice}>
              {props.labels[choice]}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
