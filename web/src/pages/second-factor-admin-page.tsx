import { useEffect, useState } from 'react';
import { DataTable } from '../components/data-table.js';
import { ErrorNotice, SuccessNotice } from '../components/error-notice.js';
import { PageHeader } from '../components/page-header.js';
import { ListStatus, QueryStatus } from '../components/status.js';
import { api } from '../lib/api.js';
import { apiKey, lastError, onSubmit, useApiMutation, useApiQuery } from '../lib/query.js';
import type { AccountSecondFactors, SecondFactorRequirement } from '../lib/second-factor-types.js';
import type { Role } from '#vocabulary/roles.js';

const REQUIREMENTS = '/api/admin/second-factor/requirements';
const ACCOUNTS = '/api/admin/second-factor/accounts';
const roleLabels: Record<Role, string> = { admin: 'Admins (and server administrators)', organizer: 'Organizers', committee: 'Committee members', viewer: 'Viewers' };

/** The instance admin's page: which roles must have a second factor, and resetting an account's factors. */
export function SecondFactorAdminPage() {
  return (
    <>
      <PageHeader
        title="Second factors"
        intro={<p>Who must confirm their sign-in with a phone or passkey, and a reset for someone who lost theirs.</p>}
      />
      <RequirementsForm />
      <AccountsTable />
    </>
  );
}

function RequirementsForm() {
  const query = useApiQuery<{ requirements: SecondFactorRequirement[] }>(REQUIREMENTS);
  const [draft, setDraft] = useState<SecondFactorRequirement[]>([]);
  const [saved, setSaved] = useState(false);
  const loaded = query.data?.requirements;
  useEffect(() => {
    if (loaded) setDraft(loaded);
  }, [loaded]);
  const save = useApiMutation({
    mutationFn: () => api.put<{ requirements: SecondFactorRequirement[] }>(REQUIREMENTS, { requirements: draft }),
    invalidates: [apiKey(REQUIREMENTS)],
    onSuccess: () => setSaved(true),
  });
  return (
    <section className="section editor" aria-labelledby="requirements-heading">
      <h2 id="requirements-heading">Required for</h2>
      <QueryStatus query={query} />
      {saved ? <SuccessNotice>Saved. Anyone newly required is asked to set up a second factor at their next click.</SuccessNotice> : null}
      <ErrorNotice error={save.error} />
      <form onSubmit={onSubmit(() => save.mutate())} noValidate className="form">
        {draft.map((r) => (
          <div className="checkbox" key={r.role}>
            <input
              type="checkbox"
              id={`require-${r.role}`}
              checked={r.required}
              onChange={(e) => {
                setSaved(false);
                setDraft(draft.map((d) => (d.role === r.role ? { ...d, required: e.target.checked } : d)));
              }}
            />
            <label htmlFor={`require-${r.role}`}>{roleLabels[r.role]}</label>
          </div>
        ))}
        <p className="field-hint">Admins and organizers see every signer&rsquo;s name: keep them required. Others may still add a second factor themselves.</p>
        <button type="submit" className="button-primary" disabled={save.isPending || draft.length === 0}>
          {save.isPending ? 'Saving…' : 'Save'}
        </button>
      </form>
    </section>
  );
}

function AccountsTable() {
  const accounts = useApiQuery<{ accounts: AccountSecondFactors[] }>(ACCOUNTS);
  const [notice, setNotice] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<AccountSecondFactors | null>(null);
  const reset = useApiMutation({
    mutationFn: (account: AccountSecondFactors) => api.post<{ sessionsEnded: number }>(`${ACCOUNTS}/${encodeURIComponent(account.accountId)}/reset`, {}),
    invalidates: [apiKey(ACCOUNTS)],
    onSuccess: (result, account) => {
      setConfirming(null);
      setNotice(`${account.name}'s second factors were removed and ${result.sessionsEnded} ${result.sessionsEnded === 1 ? 'session' : 'sessions'} ended. They set up a new one at their next sign-in.`);
    },
  });
  const error = lastError({ error: reset.error, submittedAt: reset.submittedAt });
  const { data } = accounts;
  return (
    <section className="section" aria-labelledby="sf-accounts-heading">
      <h2 id="sf-accounts-heading">Accounts</h2>
      {notice ? <SuccessNotice>{notice}</SuccessNotice> : null}
      <ErrorNotice error={error} />
      {confirming ? (
        <div className="notice notice-info" role="alertdialog" aria-labelledby="reset-confirm-title">
          <p id="reset-confirm-title" className="notice-title">
            Reset {confirming.name}&rsquo;s second factors?
          </p>
          <p>Only do this after you checked, in person or by phone, that it is really them who lost their phone or passkey. Their sessions end now.</p>
          <p>
            <button type="button" className="button-primary" disabled={reset.isPending} onClick={() => reset.mutate(confirming)}>
              Reset and sign them out
            </button>{' '}
            <button type="button" className="button-secondary" onClick={() => setConfirming(null)}>
              Cancel
            </button>
          </p>
        </div>
      ) : null}
      <ListStatus query={accounts} count={data?.accounts.length ?? 0} empty="No accounts." />
      {data && data.accounts.length > 0 ? (
        <DataTable caption="Second factors per account" columns={['Name', 'Email', 'Authenticator app', 'Passkeys', 'Recovery codes left']} actions="Reset">
          {data.accounts.map((a) => (
            <tr key={a.accountId}>
              <th scope="row" data-label="Name">
                {a.name}
              </th>
              <td data-label="Email">{a.email}</td>
              <td data-label="Authenticator app">{a.totp ? 'Yes' : 'No'}</td>
              <td data-label="Passkeys">{a.passkeys}</td>
              <td data-label="Recovery codes left">{a.recoveryCodesLeft}</td>
              <td>
                {a.totp || a.passkeys > 0 || a.recoveryCodesLeft > 0 ? (
                  <button type="button" className="button-secondary" onClick={() => setConfirming(a)}>
                    Reset {a.name}
                  </button>
                ) : null}
              </td>
            </tr>
          ))}
        </DataTable>
      ) : null}
    </section>
  );
}
