import { useState } from 'react';
import { Link } from 'react-router';
import { ErrorNotice, InfoNotice } from '../components/error-notice.js';
import { Field } from '../components/field.js';
import { PageHeader } from '../components/page-header.js';
import { PublicFrame } from '../components/public-frame.js';
import { api } from '../lib/api.js';
import { onSubmit, useApiMutation } from '../lib/query.js';
import { useSessionState } from '../lib/session.js';

export function SignInPage() {
  const { state, refresh } = useSessionState();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [keepSignedIn, setKeepSignedIn] = useState(false);
  const notice = state.status === 'signed-out' ? state.notice : null;
  const signIn = useApiMutation({
    mutationFn: async () => {
      await api.post('/api/auth/login', { email, password, keepSignedIn }, { quietAuth: true });
      // The router sends a signed-in visitor of this page on to ?next= or their dashboard.
      await refresh();
    },
  });
  const { error } = signIn;
  const busy = signIn.isPending;

  return (
    <PublicFrame>
      <PageHeader title="Sign in" intro={<p>Sign in to your organizing campaign.</p>} />
      {notice ? <InfoNotice>{notice}</InfoNotice> : null}
      <ErrorNotice error={error} fields={{ email: { label: 'Email', id: 'signin-email' }, password: { label: 'Password', id: 'signin-password' } }} />
      <form onSubmit={onSubmit(() => signIn.mutate())} noValidate className="form">
        <Field label="Email" id="signin-email" error={error?.fieldReason('email')}>
          {(control) => <input {...control} type="email" name="email" autoComplete="username" inputMode="email" value={email} onChange={(e) => setEmail(e.target.value)} />}
        </Field>
        <Field label="Password" id="signin-password" error={error?.fieldReason('password')}>
          {(control) => <input {...control} type="password" name="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />}
        </Field>
        <label className="checkbox">
          <input type="checkbox" name="keepSignedIn" checked={keepSignedIn} onChange={(e) => setKeepSignedIn(e.target.checked)} /> Keep me signed in (not on a shared computer)
        </label>
        <button type="submit" className="button-primary" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
      <p className="form-aside">
        <Link to="/app/forgot">Forgot your password?</Link>
      </p>
    </PublicFrame>
  );
}
