import { useState, type FormEvent } from 'react';
import { ErrorNotice, SuccessNotice } from '../components/error-notice.js';
import { Field } from '../components/field.js';
import { PageHeader } from '../components/page-header.js';
import { PublicFrame } from '../components/public-frame.js';
import { api, ApiError } from '../lib/api.js';
import { Link } from '../lib/router.js';

export function ForgotPasswordPage() {
  const [email, setEmail] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [sent, setSent] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const result = await api.post<{ message: string }>('/api/auth/password-reset', { email }, { quietAuth: true });
      setSent(result.message);
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, 'internal', 'Something went wrong. Try again.'));
    } finally {
      setBusy(false);
    }
  }

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
          <form onSubmit={(e) => void submit(e)} noValidate className="form">
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
