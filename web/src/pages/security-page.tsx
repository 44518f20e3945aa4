import { useState } from 'react';
import { DataTable } from '../components/data-table.js';
import { ErrorNotice, SuccessNotice } from '../components/error-notice.js';
import { PageHeader } from '../components/page-header.js';
import { RecoveryCodes } from '../components/recovery-codes.js';
import { SecondFactorEnrolment } from '../components/second-factor-enrolment.js';
import { QueryStatus } from '../components/status.js';
import { api } from '../lib/api.js';
import { formatDateTime } from '../lib/format.js';
import { apiKey, lastError, useApiMutation, useApiQuery } from '../lib/query.js';
import { SECOND_FACTOR_PATH, type MySecondFactors } from '../lib/second-factor-types.js';

/** The signed-in person's own second factors: see and remove them, add one, make new recovery codes. */
export function SecurityPage() {
  const factors = useApiQuery<MySecondFactors>(SECOND_FACTOR_PATH);
  const [adding, setAdding] = useState(false);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const invalidates = [apiKey(SECOND_FACTOR_PATH)];
  const removeTotp = useApiMutation({ mutationFn: () => api.delete(`${SECOND_FACTOR_PATH}/totp`), invalidates, onSuccess: () => setNotice('The authenticator app was removed.') });
  const removePasskey = useApiMutation({
    mutationFn: (id: string) => api.delete(`${SECOND_FACTOR_PATH}/passkeys/${encodeURIComponent(id)}`),
    invalidates,
    onSuccess: () => setNotice('The passkey was removed.'),
  });
  const regenerate = useApiMutation({
    mutationFn: () => api.post<{ recoveryCodes: string[] }>(`${SECOND_FACTOR_PATH}/recovery-codes`, {}),
    invalidates,
    onSuccess: (result) => setCodes(result.recoveryCodes),
  });
  const error = lastError(
    { error: removeTotp.error, submittedAt: removeTotp.submittedAt },
    { error: removePasskey.error, submittedAt: removePasskey.submittedAt },
    { error: regenerate.error, submittedAt: regenerate.submittedAt },
  );
  const { data } = factors;

  return (
    <>
      <PageHeader
        title="My security"
        intro={<p>Your second factors: what you use after your password, so that a stolen password alone does not open your account.</p>}
      />
      <QueryStatus query={factors} />
      {notice ? <SuccessNotice>{notice}</SuccessNotice> : null}
      <ErrorNotice error={error} />
      {codes ? (
        <RecoveryCodes codes={codes} onSaved={() => setCodes(null)} />
      ) : adding ? (
        <>
          <SecondFactorEnrolment
            showTotp={!data?.totp}
            onDone={() => {
              setAdding(false);
              setNotice('Your new second factor is set up.');
              void factors.refetch();
            }}
          />
          <p>
            <button type="button" className="button-secondary" onClick={() => setAdding(false)}>
              Cancel
            </button>
          </p>
        </>
      ) : data ? (
        <>
          {data.required ? <p>Your role requires a second factor: you can remove one only while another remains.</p> : null}
          <section className="section" aria-labelledby="app-heading">
            <h2 id="app-heading">Authenticator app</h2>
            {data.totp ? (
              <p>
                Set up.{' '}
                <button type="button" className="button-secondary" disabled={removeTotp.isPending} onClick={() => removeTotp.mutate()}>
                  Remove the authenticator app
                </button>
              </p>
            ) : (
              <p>Not set up.</p>
            )}
          </section>
          <section className="section" aria-labelledby="passkeys-heading">
            <h2 id="passkeys-heading">Passkeys</h2>
            {data.passkeys.length === 0 ? (
              <p>None yet.</p>
            ) : (
              <DataTable caption="Passkeys" columns={['Name', 'Added', 'Last used']} actions="Remove">
                {data.passkeys.map((p) => (
                  <tr key={p.id}>
                    <th scope="row" data-label="Name">
                      {p.name}
                    </th>
                    <td data-label="Added">{formatDateTime(p.createdAt)}</td>
                    <td data-label="Last used">{p.lastUsedAt ? formatDateTime(p.lastUsedAt) : 'Never'}</td>
                    <td>
                      <button type="button" className="button-secondary" disabled={removePasskey.isPending} onClick={() => removePasskey.mutate(p.id)}>
                        Remove {p.name}
                      </button>
                    </td>
                  </tr>
                ))}
              </DataTable>
            )}
          </section>
          <p>
            <button type="button" className="button-primary" onClick={() => setAdding(true)}>
              Add a second factor
            </button>
          </p>
          {data.totp || data.passkeys.length > 0 ? (
            <section className="section" aria-labelledby="recovery-left-heading">
              <h2 id="recovery-left-heading">Recovery codes</h2>
              <p>
                {data.recoveryCodesLeft} of 10 left. Making new ones stops every old one from working.{' '}
                <button type="button" className="button-secondary" disabled={regenerate.isPending} onClick={() => regenerate.mutate()}>
                  Make new recovery codes
                </button>
              </p>
            </section>
          ) : null}
        </>
      ) : null}
    </>
  );
}
