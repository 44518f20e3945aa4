import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ErrorNotice } from '../components/error-notice.js';
import { Field } from '../components/field.js';
import { PageHeader } from '../components/page-header.js';
import { PublicFrame } from '../components/public-frame.js';
import { api, ApiError } from '../lib/api.js';
import { onSubmit, useApiMutation } from '../lib/query.js';
import { homePath, useSessionState } from '../lib/session.js';

// Opened from a one-time link: /app/welcome?token=… (a new account) or /app/reset?token=… (a
// forgotten password). Choosing the password signs the person in.
export function SetPasswordPage(props: { purpose: 'welcome' | 'reset' }) {
  const [search] = useSearchParams();
  const navigate = useNavigate();
  const { refresh } = useSessionState();
  const token = search.get('token') ?? '';
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [show, setShow] = useState(false);

  const title = props.purpose === 'welcome' ? 'Welcome to Unionhall' : 'Choose a new password';
  const intro = props.purpose === 'welcome' ? 'Choose a password for your account. You will use it with your email to sign in.' : 'Choose a new password for your account. It replaces the old one and signs you out everywhere else.';

  const save = useApiMutation({
    mutationFn: async () => {
      if (password !== repeat) throw new ApiError(400, 'validation_failed', 'The two passwords are not the same.', [{ field: 'repeat', reason: 'does not match the new password' }]);
      await api.post('/api/auth/password', { token, password }, { quietAuth: true });
      return refresh();
    },
    onSuccess: (me) => void navigate(me ? homePath(me) : '/app/', { replace: true }),
  });
  const { error } = save;
  // Busy until the app has moved on: the person is signed in from here.
  const busy = save.isPending || save.isSuccess;

  if (token === '') {
    return (
      <PublicFrame>
        <PageHeader title={title} />
        <div className="notice notice-error" role="alert">
          <p className="notice-title">This link is incomplete.</p>
          <p>Open the link from your email again (all of it), or ask for a new one.</p>
        </div>
        <p className="form-aside">
          <Link to="/app/forgot">Ask for a new link</Link>
        </p>
      </PublicFrame>
    );
  }

  const spent = error?.code === 'token_invalid';
  return (
    <PublicFrame>
      <PageHeader title={title} intro={<p>{intro}</p>} />
      <ErrorNotice error={error} fields={{ password: { label: 'New password', id: 'new-password' }, repeat: { label: 'Confirm password', id: 'repeat-password' } }} />
      {spent ? (
        <p className="form-aside">
          <Link to="/app/forgot">Ask for a new link</Link>
        </p>
      ) : null}
      <form onSubmit={onSubmit(() => save.mutate())} noValidate className="form">
        <Field label="New password" id="new-password" hint="At least 12 characters, and not your email name. A short sentence is easy to remember and hard to guess." error={error?.fieldReason('password')}>
          {(control) => <input {...control} type={show ? 'text' : 'password'} name="new-password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} />}
        </Field>
        <Field label="Confirm password" id="repeat-password" error={error?.fieldReason('repeat')}>
          {(control) => <input {...control} type={show ? 'text' : 'password'} name="repeat-password" autoComplete="new-password" value={repeat} onChange={(e) => setRepeat(e.target.value)} />}
        </Field>
        <div className="checkbox">
          <input type="checkbox" id="show-password" checked={show} onChange={(e) => setShow(e.target.checked)} />
          <label htmlFor="show-password">Show the passwords</label>
        </div>
        <button type="submit" className="button-primary" disabled={busy}>
          {busy ? 'Saving…' : 'Save password and sign in'}
        </button>
      </form>
    </PublicFrame>
  );
}
