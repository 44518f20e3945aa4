import { useState } from 'react';
import { DataTable } from '../components/data-table.js';
import { ErrorNotice, SuccessNotice } from '../components/error-notice.js';
import { Field } from '../components/field.js';
import { PageHeader } from '../components/page-header.js';
import { ListStatus } from '../components/status.js';
import { api } from '../lib/api.js';
import type { MySession } from '../lib/api-types.js';
import { formatDateTime, plural } from '../lib/format.js';
import { apiKey, onSubmit, useApiMutation, useApiQuery } from '../lib/query.js';
import { useMe } from '../lib/session.js';

const SESSIONS = '/api/auth/sessions';

/** My own account: change my password, see where I am signed in and end the sessions I do not recognise. */
export function MyAccountPage() {
  const me = useMe();
  return (
    <>
      <PageHeader
        title="My account"
        intro={
          <p>
            Signed in as {me.account.name} ({me.account.email}). If you see a session you do not recognise, end it and change your password.
          </p>
        }
      />
      <SessionsSection />
      <ChangePasswordSection />
    </>
  );
}

function SessionsSection() {
  const sessions = useApiQuery<{ sessions: MySession[] }>(SESSIONS);
  const [message, setMessage] = useState<string | null>(null);
  const endOne = useApiMutation<MySession>({
    mutationFn: (session) => api.delete(`${SESSIONS}/${encodeURIComponent(session.handle)}`),
    invalidates: [apiKey(SESSIONS)],
    onSuccess: (_result, session) => setMessage(`Ended the session on ${session.device}. It is signed out at its next click.`),
  });
  const endOthers = useApiMutation<void, { sessionsEnded: number }>({
    mutationFn: () => api.post(`${SESSIONS}/end-others`),
    invalidates: [apiKey(SESSIONS)],
    onSuccess: (result) => setMessage(`Ended ${plural(result.sessionsEnded, 'other session', 'other sessions')}.`),
  });
  const others = (sessions.data?.sessions ?? []).filter((s) => !s.current).length;

  return (
    <section className="section" aria-labelledby="sessions-heading">
      <h2 id="sessions-heading">Where you are signed in</h2>
      {message ? <SuccessNotice>{message}</SuccessNotice> : null}
      <ErrorNotice error={endOne.error ?? endOthers.error} />
      <ListStatus query={sessions} count={sessions.data?.sessions.length ?? 0} empty="No sessions." />
      {sessions.data && sessions.data.sessions.length > 0 ? (
        <DataTable caption="Your sessions" columns={['Browser', 'Signed in', 'Last used']} actions="Actions">
          {sessions.data.sessions.map((s) => (
            <tr key={s.handle}>
              <th scope="row" data-label="Browser">
                {s.device}
                {s.current ? <span className="subtle"> (this browser)</span> : null}
              </th>
              <td data-label="Signed in">{formatDateTime(s.createdAt)}</td>
              <td data-label="Last used">{formatDateTime(s.lastSeenAt)}</td>
              <td className="row-actions">
                {s.current ? null : (
                  <button type="button" className="button-secondary" disabled={endOne.isPending} onClick={() => endOne.mutate(s)} aria-label={`End the session on ${s.device}, signed in ${formatDateTime(s.createdAt)}`}>
                    End this session
                  </button>
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      ) : null}
      {others > 0 ? (
        <button type="button" className="button-secondary" disabled={endOthers.isPending} onClick={() => endOthers.mutate()}>
          Sign out everywhere else
        </button>
      ) : null}
    </section>
  );
}

function ChangePasswordSection() {
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const change = useApiMutation<void, { sessionsEnded: number }>({
    mutationFn: () => api.post('/api/auth/change-password', { currentPassword, newPassword }),
    invalidates: [apiKey(SESSIONS)],
    onSuccess: (result) => {
      setCurrent('');
      setNew('');
      setDone(`Password changed.${result.sessionsEnded > 0 ? ` ${plural(result.sessionsEnded, 'other session was', 'other sessions were')} signed out.` : ''}`);
    },
  });
  const { error } = change;

  return (
    <section className="section editor" aria-labelledby="password-heading">
      <h2 id="password-heading">Change your password</h2>
      {done ? <SuccessNotice>{done}</SuccessNotice> : null}
      <ErrorNotice error={error} fields={{ currentPassword: { label: 'Current password', id: 'current-password' }, newPassword: { label: 'New password', id: 'new-password' } }} />
      <form onSubmit={onSubmit(() => change.mutate())} noValidate className="form">
        <Field label="Current password" id="current-password" error={error?.fieldReason('currentPassword')}>
          {(control) => <input {...control} type="password" value={currentPassword} onChange={(e) => setCurrent(e.target.value)} autoComplete="current-password" />}
        </Field>
        <Field label="New password" id="new-password" hint="At least 12 characters. A few unrelated words make a strong one. Every other session of yours is signed out." error={error?.fieldReason('newPassword')}>
          {(control) => <input {...control} type="password" value={newPassword} onChange={(e) => setNew(e.target.value)} autoComplete="new-password" />}
        </Field>
        <button type="submit" className="button-primary" disabled={change.isPending}>
          {change.isPending ? 'Changing…' : 'Change password'}
        </button>
      </form>
    </section>
  );
}
