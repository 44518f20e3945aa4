import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { Link } from 'react-router';
import { roles } from '#vocabulary/roles.js';
import { DataTable } from '../components/data-table.js';
import { ErrorNotice, InfoNotice, SuccessNotice } from '../components/error-notice.js';
import { FormActions } from '../components/form-actions.js';
import { PageHeader } from '../components/page-header.js';
import { ListStatus, LoadError } from '../components/status.js';
import { api, campaignPath } from '../lib/api.js';
import type { Account, Member, Role, Worksite } from '../lib/api-types.js';
import { roleDescriptions, roleLabels, useCampaign } from '../lib/campaign.js';
import { apiKey, onSubmit, useApiMutation, useApiQuery } from '../lib/query.js';
import { useMe, useSessionState } from '../lib/session.js';
import { useDraftEditor, type DraftEditorProps } from '../lib/use-draft-editor.js';

type Editing = { accountId: string; name: string; email: string; role: Role; worksiteIds: string[]; isNew: boolean };

export function MembersPage() {
  const campaign = useCampaign();
  const me = useMe();
  const { refresh } = useSessionState();
  const members = useApiQuery<{ members: Member[] }>(campaignPath(campaign.slug, '/members'));
  // Only instance admins can list every account, so only they can add people here.
  const accounts = useApiQuery<{ users: Account[] }>(me.account.instanceAdmin ? '/api/admin/users' : null);
  const editor = useDraftEditor<Editing>();
  const [addId, setAddId] = useState('');
  const [removedMessage, setRemovedMessage] = useState<string | null>(null);
  // Their next request in the campaign finds no membership: open sessions lose it at once.
  const remove = useApiMutation<Member>({
    mutationFn: (member) => api.delete(campaignPath(campaign.slug, `/members/${encodeURIComponent(member.accountId)}`)),
    invalidates: [apiKey(campaignPath(campaign.slug, '/members'))],
    onSuccess: (_result, member) => setRemovedMessage(`Removed ${member.name} from ${campaign.detail.campaign.name}. They can no longer open it, from any browser.`),
  });

  function confirmRemove(member: Member): void {
    if (!window.confirm(`Remove ${member.name} from ${campaign.detail.campaign.name}? They lose access at once, on every device.`)) return;
    setRemovedMessage(null);
    remove.mutate(member);
  }
  const addSelectId = useId();

  const siteNames = useMemo(() => new Map(campaign.detail.worksites.map((w) => [w.id, w.name])), [campaign.detail.worksites]);
  const memberIds = new Set((members.data?.members ?? []).map((m) => m.accountId));
  const addable = (accounts.data?.users ?? []).filter((a) => !memberIds.has(a.id));

  function startEdit(member: Member): void {
    editor.start({ accountId: member.accountId, name: member.name, email: member.email, role: member.role, worksiteIds: member.worksiteIds, isNew: false });
  }

  function startAdd(): void {
    const account = addable.find((a) => a.id === addId);
    if (!account) return;
    // Viewer first: it sees totals only. Naming every signer and rating is a choice made on purpose.
    editor.start({ accountId: account.id, name: account.name, email: account.email, role: 'viewer', worksiteIds: [], isNew: true });
  }

  function describeSchools(member: Member): string {
    if (member.role === 'committee') return member.worksiteIds.map((id) => siteNames.get(id) ?? 'a school no longer listed').join(', ') || 'None yet';
    if (member.role === 'viewer') return 'Totals only';
    return 'All schools';
  }

  return (
    <>
      <PageHeader
        title="Members & roles"
        intro={<p>Who can use {campaign.detail.campaign.name} in Unionhall, and what each person may see. Every change is written to the audit log.</p>}
      />
      {editor.saved ? <SuccessNotice>{editor.saved}</SuccessNotice> : null}
      {removedMessage ? <SuccessNotice>{removedMessage}</SuccessNotice> : null}
      <ErrorNotice error={remove.error} />
      {editor.draft ? (
        <MemberEditor
          key={editor.draft.accountId}
          slug={campaign.slug}
          initial={editor.draft}
          worksites={campaign.detail.worksites}
          isSelf={editor.draft.accountId === me.account.id}
          onCancel={editor.cancel}
          onSaved={(message) => {
            // A change of one's own role changes the menu too.
            if (editor.draft?.accountId === me.account.id) void refresh();
            setAddId('');
            editor.finish(message);
          }}
        />
      ) : null}
      <ListStatus query={members} count={members.data?.members.length ?? 0} empty="No members yet." />
      {members.data && members.data.members.length > 0 ? (
        <DataTable caption="Members of the campaign" columns={['Name', 'Role', 'Schools']} actions="Actions">
          {members.data.members.map((m) => (
            <tr key={m.accountId}>
              <th scope="row" data-label="Name">
                {m.name}
                {m.accountId === me.account.id ? ' (you)' : ''}
                <span className="subtle">{m.email}</span>
              </th>
              <td data-label="Role">{roleLabels[m.role]}</td>
              <td data-label="Schools">{describeSchools(m)}</td>
              <td className="row-actions">
                <button type="button" className="button-secondary" onClick={() => startEdit(m)} aria-label={`Change role of ${m.name}`}>
                  Change role
                </button>
                {m.accountId === me.account.id ? null : (
                  <button type="button" className="button-secondary" disabled={remove.isPending} onClick={() => confirmRemove(m)} aria-label={`Remove ${m.name} from the campaign`}>
                    Remove
                  </button>
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      ) : null}
      <section className="section" aria-labelledby="add-heading">
        <h2 id="add-heading">Add someone</h2>
        {me.account.instanceAdmin ? (
          accounts.error ? (
            <LoadError error={accounts.error} retry={() => void accounts.refetch()} />
          ) : addable.length === 0 ? (
            <p>
              Everyone with an account is already a member. To add someone new, first make them an account on the <Link to="/app/admin/accounts">Accounts</Link> page.
            </p>
          ) : (
            <div className="inline-form">
              <div className="field">
                <label htmlFor={addSelectId}>Account</label>
                <select id={addSelectId} value={addId} onChange={(e) => setAddId(e.target.value)}>
                  <option value="">Choose a person…</option>
                  {addable.map((a) => (
                    <option key={a.id} value={a.id}>
                      {a.name} ({a.email})
                    </option>
                  ))}
                </select>
              </div>
              <button type="button" className="button-primary" disabled={addId === ''} onClick={startAdd}>
                Choose their role
              </button>
            </div>
          )
        ) : (
          <InfoNotice>
            <p>To add someone, ask an administrator of this Unionhall server to make them an account and add them to the campaign.</p>
          </InfoNotice>
        )}
      </section>
    </>
  );
}

function MemberEditor(props: DraftEditorProps<Editing> & { worksites: Worksite[]; isSelf: boolean }) {
  const [role, setRole] = useState<Role>(props.initial.role);
  const [sites, setSites] = useState<string[]>(props.initial.worksiteIds);
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);


  function toggleSite(id: string, on: boolean): void {
    setSites((current) => (on ? [...current, id] : current.filter((s) => s !== id)));
  }

  // A role decides what its holder sees on every page of the campaign: all of its reads go stale
  // (one's own role change reloads the menu too, through the session).
  const save = useApiMutation({
    mutationFn: () => api.put(campaignPath(props.slug, `/members/${encodeURIComponent(props.initial.accountId)}`), { role, worksiteIds: role === 'committee' ? sites : [] }),
    invalidates: [props.isSelf ? apiKey(campaignPath(props.slug)) : apiKey(campaignPath(props.slug, '/members'))],
    onSuccess: () => {
      const where = role === 'committee' ? ` for ${sites.length === 1 ? '1 school' : `${sites.length} schools`}` : '';
      props.onSaved(`Saved: ${props.initial.name} is now ${role === 'admin' || role === 'organizer' ? 'an' : 'a'} ${roleLabels[role].toLowerCase()}${where}.`);
    },
  });
  const sitesError = save.error?.fieldReason('worksiteIds');

  return (
    <section className="editor" aria-labelledby={headingId}>
      <h2 id={headingId} ref={headingRef} tabIndex={-1}>
        {props.initial.isNew ? 'Add' : 'Change role of'} {props.initial.name} <span className="subtle">{props.initial.email}</span>
      </h2>
      <ErrorNotice error={save.error} fields={{ role: { label: 'Role' }, worksiteIds: { label: 'Schools', id: 'member-schools' } }} />
      <form onSubmit={onSubmit(() => save.mutate())} noValidate>
        <fieldset className="choices">
          <legend>Role</legend>
          {roles.map((r) => (
            <div className="choice" key={r}>
              <input type="radio" id={`role-${r}`} name="role" value={r} checked={role === r} onChange={() => setRole(r)} aria-describedby={`role-${r}-hint`} />
              <label htmlFor={`role-${r}`}>{roleLabels[r]}</label>
              <p className="field-hint" id={`role-${r}-hint`}>
                {roleDescriptions[r]}
              </p>
            </div>
          ))}
        </fieldset>
        {props.isSelf && role !== 'admin' ? <p className="warning">You are changing your own role: you will no longer be able to manage members.</p> : null}
        {role === 'committee' ? (
          <fieldset className={sitesError ? 'choices field-invalid' : 'choices'} id="member-schools" aria-describedby={sitesError ? 'member-schools-error' : undefined}>
            <legend>Schools they work with</legend>
            <p className="field-hint">A committee member sees only the people at these schools. Choose at least one.</p>
            {sitesError ? (
              <p className="field-error" id="member-schools-error">
                Schools: {sitesError}
              </p>
            ) : null}
            <div className="checkbox-grid">
              {props.worksites.map((w) => (
                <div className="checkbox" key={w.id}>
                  <input type="checkbox" id={`site-${w.id}`} checked={sites.includes(w.id)} onChange={(e) => toggleSite(w.id, e.target.checked)} />
                  <label htmlFor={`site-${w.id}`}>{w.name}</label>
                </div>
              ))}
            </div>
          </fieldset>
        ) : null}
        <FormActions busy={save.isPending} onCancel={props.onCancel} />
      </form>
    </section>
  );
}
