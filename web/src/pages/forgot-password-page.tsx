import { useState } from 'react';
import { Link } from 'react-router';
import { ErrorNotice, SuccessNotice } from '../components/error-notice.js';
import { Field } from '../components/field.js';
import { PageHeader } from '../components/page-header.js';
import { PublicFrame } from '../components/public-frame.js';
import { api } from '../lib/api.js';
import { onSubmit, useApiMutation } from '../lib/query.js';

export function ForgotPasswordPage() {
  const [email, setEmail] = useState('');
  const ask = useApiMutation({
    mutationFn: () => api.post<{ message: string }>('/api/auth/password-reset', { email }, { quietAuth: true }),
  });
  const { error } = ask;
  const sent = ask.data?.message ?? null;
  const busy = ask.isPending;

  return (
    <PublicFrame>
      <PageHeader title="Forgot your password?" intro={<p>Enter the email you sign in with. We will send you a link to choose a new password.</p>} />
      {sent ? (
        <>
          <SuccessNotice>
            <p>{sent}</p>
            <p>The link works for one hour and only once. Nothing arrived? Check your spam folder, or ask your campaign admin: when this server has no mail set up, they can read the message in the Outbox.</p>
          </SuccessNotice>
          <p className="form-aside">
            <Link to="/app/signin">Back to sign in</Link>
          </p>
        </>
      ) : (
        <>
          <ErrorNotice error={error} fields={{ email: { label: 'Email', id: 'reset-email' } }} />
          <form onSubmit={onSubmit(() => ask.mutate())} noValidate className="form">
            <Field label="Email" id="reset-email" error={error?.fieldReason('email')}>
              {(control) => <input {...control} type="email" name="email" autoComplete="username" inputMode="email" value={email} onChange={(e) => setEmail(e.target.value)} />}
            </Field>
            <button type="submit" className="button-primary" disabled={busy}>
              {busy ? 'Sending…' : 'Send me a link'}
            </button>
          </form>
          <p className="form-aside">
            <Link to="/app/signin">Back to sign in</Link>
          </p>
        </>
      )}
    </PublicFrame>
  );
}
