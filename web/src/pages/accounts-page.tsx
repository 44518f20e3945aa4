import { useState } from 'react';
import { Link } from 'react-router';
import { DataTable } from '../components/data-table.js';
import { ErrorNotice, SuccessNotice } from '../components/error-notice.js';
import { Field } from '../components/field.js';
import { PageHeader } from '../components/page-header.js';
import { ListStatus } from '../components/status.js';
import { api } from '../lib/api.js';
import type { Account } from '../lib/api-types.js';
import { apiKey, onSubmit, useApiMutation, useApiQuery } from '../lib/query.js';
import { useMe } from '../lib/session.js';

export function AccountsPage() {
  const me = useMe();
  const accounts = useApiQuery<{ users: Account[] }>('/api/admin/users');
  const { data } = accounts;
  const [created, setCreated] = useState<Account | null>(null);
  const [actionMessage, setActionMessage] = useState<string | null>(null);
  const firstCampaign = me.campaigns.find((c) => c.role === 'admin');

  return (
    <>
      <PageHeader title="Accounts" intro={<p>Everyone who can sign in to this Unionhall server. A new account gets a one-time link by email to choose a password.</p>} />
      {created ? (
        <SuccessNotice>
          <p>
            <strong>Account made for {created.name}.</strong> A welcome link was emailed to {created.email}. If this server has no mail set up, the message is waiting in the{' '}
            <Link to="/app/admin/outbox">Outbox</Link>: copy the link from there and send it to them yourself.
          </p>
          {firstCampaign ? (
            <p>
              Next, give them a role: <Link to={`/app/c/${encodeURIComponent(firstCampaign.slug)}/members`}>Members &amp; roles of {firstCampaign.name}</Link>.
            </p>
          ) : null}
        </SuccessNotice>
      ) : null}
      {actionMessage ? <SuccessNotice>{actionMessage}</SuccessNotice> : null}
      <CreateAccountForm onCreated={setCreated} />
      <section className="section" aria-labelledby="accounts-heading">
        <h2 id="accounts-heading">All accounts</h2>
        <ListStatus query={accounts} count={data?.users.length ?? 0} empty="No accounts yet." />
        {data && data.users.length > 0 ? (
          <DataTable caption="Accounts" columns={['Name', 'Email', 'Server administrator', 'Status']} actions="Actions">
            {data.users.map((u) => (
              <tr key={u.id}>
                <th scope="row" data-label="Name">
                  {u.name}
                  {u.id === me.account.id ? ' (you)' : ''}
                </th>
                <td data-label="Email">{u.email}</td>
                <td data-label="Server administrator">{u.instanceAdmin ? 'Yes' : 'No'}</td>
                <td data-label="Status">{u.disabled ? 'Disabled' : u.hasPassword ? 'Active' : 'Has not chosen a password yet'}</td>
                <td className="row-actions">{u.id === me.account.id ? null : <AccountActions account={u} onDone={setActionMessage} />}</td>
              </tr>
            ))}
          </DataTable>
        ) : null}
      </section>
    </>
  );
}

/**
 * Disable or enable an account; give or take server administration. Each takes effect at the
 * account's next request, on every device; the server refuses to leave no administrator.
 */
function AccountActions(props: { account: Account; onDone: (message: string) => void }) {
  const { account } = props;
  const path = `/api/admin/users/${encodeURIComponent(account.id)}`;
  const invalidates = [apiKey('/api/admin/users')];
  const toggleDisabled = useApiMutation<void, { user: Account }>({
    mutationFn: () => api.post(`${path}/${account.disabled ? 'enable' : 'disable'}`),
    invalidates,
    onSuccess: (result) => props.onDone(result.user.disabled ? `${account.name} is disabled and signed out everywhere.` : `${account.name} can sign in again.`),
  });
  const toggleAdmin = useApiMutation<void, { user: Account }>({
    mutationFn: () => api.put(`${path}/instance-admin`, { instanceAdmin: !account.instanceAdmin }),
    invalidates,
    onSuccess: (result) => props.onDone(result.user.instanceAdmin ? `${account.name} is now a server administrator.` : `${account.name} is no longer a server administrator.`),
  });
  const busy = toggleDisabled.isPending || toggleAdmin.isPending;

  function disableOrEnable(): void {
    if (!account.disabled && !window.confirm(`Disable ${account.name}? They are signed out everywhere at once and cannot sign in until enabled again.`)) return;
    toggleDisabled.mutate();
  }

  return (
    <>
      <ErrorNotice error={toggleDisabled.error ?? toggleAdmin.error} />
      <button type="button" className="button-secondary" disabled={busy} onClick={disableOrEnable} aria-label={`${account.disabled ? 'Enable' : 'Disable'} ${account.name}`}>
        {account.disabled ? 'Enable' : 'Disable'}
      </button>
      <button type="button" className="button-secondary" disabled={busy} onClick={() => toggleAdmin.mutate()} aria-label={`${account.instanceAdmin ? 'Remove server administration from' : 'Make server administrator:'} ${account.name}`}>
        {account.instanceAdmin ? 'Remove server administrator' : 'Make server administrator'}
      </button>
    </>
  );
}

function CreateAccountForm(props: { onCreated: (account: Account) => void }) {
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [instanceAdmin, setInstanceAdmin] = useState(false);
  // The new account shows in the list; its welcome mail in the outbox.
  const create = useApiMutation({
    mutationFn: () => api.post<{ user: Account }>('/api/admin/users', { name, email, instanceAdmin }),
    invalidates: [apiKey('/api/admin/users'), apiKey('/api/admin/outbox')],
    onSuccess: (result) => {
      setName('');
      setEmail('');
      setInstanceAdmin(false);
      props.onCreated(result.user);
    },
  });
  const { error } = create;
  const busy = create.isPending;

  return (
    <section className="section editor" aria-labelledby="new-account-heading">
      <h2 id="new-account-heading">Make an account</h2>
      <ErrorNotice error={error} fields={{ name: { label: 'Name', id: 'account-name' }, email: { label: 'Email', id: 'account-email' } }} />
      <form onSubmit={onSubmit(() => create.mutate())} noValidate className="form">
        <Field label="Name" id="account-name" error={error?.fieldReason('name')}>
          {(control) => <input {...control} value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" />}
        </Field>
        <Field label="Email" id="account-email" hint="Use a personal address, not a school one: the employer can read school email." error={error?.fieldReason('email')}>
          {(control) => <input {...control} type="email" inputMode="email" value={email} onChange={(e) => setEmail(e.target.value)} autoComplete="off" />}
        </Field>
        <div className="checkbox">
          <input type="checkbox" id="account-admin" checked={instanceAdmin} onChange={(e) => setInstanceAdmin(e.target.checked)} aria-describedby="account-admin-hint" />
          <label htmlFor="account-admin">Server administrator</label>
          <p className="field-hint" id="account-admin-hint">
            Can make accounts, read the outbox and the whole audit log. Most people do not need this.
          </p>
        </div>
        <button type="submit" className="button-primary" disabled={busy}>
          {busy ? 'Making the account…' : 'Make account and send welcome link'}
        </button>
      </form>
    </section>
  );
}
