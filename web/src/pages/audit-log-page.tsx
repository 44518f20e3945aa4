import { useId, useMemo, useState, type FormEvent } from 'react';
import { DataTable } from '../components/data-table.js';
import { Field } from '../components/field.js';
import { ErrorNotice } from '../components/error-notice.js';
import { PageHeader } from '../components/page-header.js';
import { EmptyState, Loading } from '../components/status.js';
import { campaignPath } from '../lib/api.js';
import type { AuditEvent, Member } from '../lib/api-types.js';
import { auditActionLabels, describeAction } from '../lib/audit-actions.js';
import { useCampaign } from '../lib/campaign.js';
import { formatDateTime } from '../lib/format.js';
import { useApiQuery } from '../lib/query.js';
import { useMe } from '../lib/session.js';

const PAGE_SIZE = 50;

// 'server': entries of no campaign and of my campaigns; 'everything': every campaign's too (recorded as such).
type Scope = 'campaign' | 'server' | 'everything';
type Filters = { action: string; actor: string; from: string; to: string };
const noFilters: Filters = { action: '', actor: '', from: '', to: '' };

export function AuditLogPage() {
  const campaign = useCampaign();
  const me = useMe();
  const campaignAllowed = campaign.can('audit.view');
  const serverAllowed = me.account.instanceAdmin;
  const [scope, setScope] = useState<Scope>(campaignAllowed ? 'campaign' : 'server');
  const [draft, setDraft] = useState<Filters>(noFilters);
  const [filters, setFilters] = useState<Filters>(noFilters);
  // The ids to page "before": the last entry is the current page; popping goes to newer entries.
  const [cursors, setCursors] = useState<number[]>([]);
  const before = cursors[cursors.length - 1];
  const actionsListId = useId();
  const siteNames = useMemo(() => new Map(campaign.detail.worksites.map((w) => [w.id, w.name])), [campaign.detail.worksites]);

  const log = useApiQuery<{ events: AuditEvent[] }>(
    scope === 'campaign' ? campaignPath(campaign.slug, '/audit') : '/api/admin/audit',
    scope === 'campaign'
      ? { params: { action: filters.action, actor: filters.actor, from: filters.from, to: filters.to, before, limit: PAGE_SIZE }, keepPrevious: true }
      : { params: { action: filters.action, actor: filters.actor, before, limit: PAGE_SIZE, allCampaigns: scope === 'everything' ? 'true' : undefined }, keepPrevious: true },
  );
  const { data, error } = log;
  // Who can be picked: the campaign's members (the server-wide log takes the same account ids).
  const members = useApiQuery<{ members: Member[] }>(campaignAllowed ? campaignPath(campaign.slug, '/members') : null);
  const events = data?.events ?? [];

  function apply(event: FormEvent): void {
    event.preventDefault();
    setFilters({ action: draft.action.trim(), actor: draft.actor, from: draft.from, to: draft.to });
    setCursors([]);
  }

  function clear(): void {
    setDraft(noFilters);
    setFilters(noFilters);
    setCursors([]);
  }

  function changeScope(next: Scope): void {
    setScope(next);
    setCursors([]);
  }

  const filtered = filters.action !== '' || filters.actor !== '' || filters.from !== '' || filters.to !== '';

  return (
    <>
      <PageHeader
        title="Audit log"
        intro={
          <p>
            Every sign-in, role change, export and view of people's names is recorded here and cannot be edited or deleted. Newest first.
          </p>
        }
      />
      {serverAllowed ? (
        <fieldset className="segmented">
          <legend>Show</legend>
          {campaignAllowed ? (
            <div className="choice-inline">
              <input type="radio" id="scope-campaign" name="scope" checked={scope === 'campaign'} onChange={() => changeScope('campaign')} />
              <label htmlFor="scope-campaign">This campaign</label>
            </div>
          ) : null}
          <div className="choice-inline">
            <input type="radio" id="scope-server" name="scope" checked={scope === 'server'} onChange={() => changeScope('server')} />
            <label htmlFor="scope-server">Server: sign-ins, accounts and my campaigns</label>
          </div>
          <div className="choice-inline">
            <input type="radio" id="scope-everything" name="scope" checked={scope === 'everything'} onChange={() => changeScope('everything')} />
            <label htmlFor="scope-everything">Every campaign on the server (this reading is itself recorded)</label>
          </div>
        </fieldset>
      ) : null}
      <form className="filters" onSubmit={apply} noValidate>
        <Field label="What happened" hint="Pick from the list or type an action code." error={error?.fieldReason('action')}>
          {(control) => (
            <>
              <input {...control} list={actionsListId} value={draft.action} onChange={(e) => setDraft({ ...draft, action: e.target.value })} autoComplete="off" />
              <datalist id={actionsListId}>
                {Object.entries(auditActionLabels).map(([code, label]) => (
                  <option key={code} value={code}>
                    {label}
                  </option>
                ))}
              </datalist>
            </>
          )}
        </Field>
        {members.data ? (
          <Field label="Who">
            {(control) => (
              <select {...control} value={draft.actor} onChange={(e) => setDraft({ ...draft, actor: e.target.value })}>
                <option value="">Anyone</option>
                {members.data.members.map((m) => (
                  <option key={m.accountId} value={m.accountId}>
                    {m.name} ({m.email})
                  </option>
                ))}
              </select>
            )}
          </Field>
        ) : null}
        {scope === 'campaign' ? (
          <>
            <Field label="From" error={error?.fieldReason('from')}>
              {(control) => <input {...control} type="date" value={draft.from} onChange={(e) => setDraft({ ...draft, from: e.target.value })} />}
            </Field>
            <Field label="To" error={error?.fieldReason('to')}>
              {(control) => <input {...control} type="date" value={draft.to} onChange={(e) => setDraft({ ...draft, to: e.target.value })} />}
            </Field>
          </>
        ) : null}
        <div className="form-actions">
          <button type="submit" className="button-primary">
            Apply filters
          </button>
          {filtered ? (
            <button type="button" className="button-secondary" onClick={clear}>
              Clear filters
            </button>
          ) : null}
        </div>
      </form>
      <ErrorNotice error={error} fields={{ action: { label: 'What happened' }, from: { label: 'From' }, to: { label: 'To' } }} />
      {log.isLoading ? <Loading /> : null}
      {data && events.length === 0 ? (
        <EmptyState title={filtered ? 'Nothing matches these filters.' : 'Nothing recorded yet.'}>{filtered ? <p>Try a wider date range, or clear the filters.</p> : null}</EmptyState>
      ) : null}
      {events.length > 0 ? (
        <DataTable caption="Audit log entries, newest first" className="audit-table" columns={['When', 'Who', 'What', 'Details', 'IP address']} busy={log.isFetching}>
          {events.map((e) => (
            <tr key={e.id}>
              <td data-label="When" className="nowrap">
                <time dateTime={e.at}>{formatDateTime(e.at)}</time>
              </td>
              <td data-label="Who">{e.actorName ? `${e.actorName} (${e.actorEmail ?? ''})` : e.actorEmail === 'cli' ? 'The command line (server)' : e.actorEmail === 'system' ? 'Unionhall itself' : (e.actorEmail ?? 'Someone not signed in')}</td>
              <th scope="row" data-label="What">
                {describeAction(e.action)}
              </th>
              <td data-label="Details">
                <Details event={e} siteNames={siteNames} />
              </td>
              <td data-label="IP address">{e.ip ?? '—'}</td>
            </tr>
          ))}
        </DataTable>
      ) : null}
      {data && (cursors.length > 0 || events.length === PAGE_SIZE) ? (
        <nav className="pager" aria-label="Audit log pages">
          {cursors.length > 0 ? (
            <button type="button" className="button-secondary" onClick={() => setCursors(cursors.slice(0, -1))}>
              ← Newer entries
            </button>
          ) : null}
          {events.length === PAGE_SIZE ? (
            <button type="button" className="button-secondary" onClick={() => setCursors([...cursors, events[events.length - 1]?.id ?? 0])}>
              Older entries →
            </button>
          ) : null}
        </nav>
      ) : null}
    </>
  );
}

/** A detail value in words: school names instead of ids, "none" instead of null. */
function describeValue(key: string, value: unknown, siteNames: Map<string, string>): string {
  if (value === null || value === undefined) return 'none';
  if (key === 'worksiteIds' && Array.isArray(value)) {
    return value.length === 0 ? 'none' : value.map((id) => siteNames.get(String(id)) ?? String(id)).join(', ');
  }
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

const detailLabels: Record<string, string> = { worksiteIds: 'schools', asOf: 'as of', count: 'rows' };

function Details(props: { event: AuditEvent; siteNames: Map<string, string> }) {
  const entries = Object.entries(props.event.details ?? {});
  const { subjectType, subjectId } = props.event;
  // An account's id says nothing to a reader when the details name its email.
  const subject = subjectType && !(subjectType === 'account' && 'email' in (props.event.details ?? {})) ? `${subjectType} ${subjectId ?? ''}`.trim() : null;
  if (entries.length === 0 && !subject) return <span className="subtle">—</span>;
  return (
    <dl className="details">
      {subject ? (
        <div>
          <dt>subject</dt>
          <dd>{subject}</dd>
        </div>
      ) : null}
      {entries.map(([key, value]) => (
        <div key={key}>
          <dt>{detailLabels[key] ?? key}</dt>
          <dd>{describeValue(key, value, props.siteNames)}</dd>
        </div>
      ))}
    </dl>
  );
}
