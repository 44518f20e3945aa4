import { startRegistration } from '@simplewebauthn/browser';
import { useState } from 'react';
import { api, ApiError } from '../lib/api.js';
import { onSubmit, useApiMutation } from '../lib/query.js';
import { SECOND_FACTOR_PATH, type IssuedRecoveryCodes, type TotpEnrolment } from '../lib/second-factor-types.js';
import { ErrorNotice } from './error-notice.js';
import { Field } from './field.js';
import { RecoveryCodes } from './recovery-codes.js';

/** A failed browser ceremony (cancelled, no authenticator) as the app's error. */
export function passkeyError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  const name = err instanceof Error ? err.name : '';
  if (name === 'NotAllowedError' || name === 'AbortError') return new ApiError(0, 'passkey_cancelled', 'The passkey request was cancelled or timed out. Try again.');
  return new ApiError(0, 'passkey_failed', 'This browser could not use a passkey here. Use an authenticator app instead.');
}

/**
 * Adds a second factor: an authenticator app (QR code, then a code from it) or a passkey. If this
 * was the account's first factor, its recovery codes are shown once; `onDone` runs after that.
 */
export function SecondFactorEnrolment(props: { onDone: () => void; showTotp?: boolean }) {
  const [method, setMethod] = useState<'choose' | 'totp'>('choose');
  const [codes, setCodes] = useState<string[] | null>(null);
  const [passkeyName, setPasskeyName] = useState('Passkey');

  const addPasskey = useApiMutation({
    mutationFn: async () => {
      try {
        const optionsJSON = await api.post<Parameters<typeof startRegistration>[0]['optionsJSON']>(`${SECOND_FACTOR_PATH}/passkeys/registration`, {});
        const response = await startRegistration({ optionsJSON });
        return await api.post<IssuedRecoveryCodes>(`${SECOND_FACTOR_PATH}/passkeys`, { name: passkeyName, response });
      } catch (err) {
        throw passkeyError(err);
      }
    },
    onSuccess: (result) => (result.recoveryCodes ? setCodes(result.recoveryCodes) : props.onDone()),
  });

  if (codes) return <RecoveryCodes codes={codes} onSaved={props.onDone} />;
  if (method === 'totp') return <TotpEnrolmentForm onEnrolled={(issued) => (issued ? setCodes(issued) : props.onDone())} onCancel={() => setMethod('choose')} />;

  return (
    <div className="second-factor-choices">
      {props.showTotp === false ? null : (
        <section className="section" aria-labelledby="sf-app-heading">
          <h2 id="sf-app-heading">An authenticator app</h2>
          <p>An app on your phone (for example Aegis, Google Authenticator or 1Password) shows a new six-digit code every 30 seconds.</p>
          <button type="button" className="button-primary" onClick={() => setMethod('totp')}>
            Set up an authenticator app
          </button>
        </section>
      )}
      <section className="section" aria-labelledby="sf-passkey-heading">
        <h2 id="sf-passkey-heading">A passkey</h2>
        <p>Your phone, your computer&rsquo;s fingerprint or face sign-in, or a security key.</p>
        <ErrorNotice error={addPasskey.error} />
        <form onSubmit={onSubmit(() => addPasskey.mutate())} noValidate className="form">
          <Field label="Name of this passkey" id="passkey-name" hint="So you can tell your passkeys apart, e.g. “My phone”.">
            {(control) => <input {...control} value={passkeyName} onChange={(e) => setPasskeyName(e.target.value)} autoComplete="off" maxLength={100} />}
          </Field>
          <button type="submit" className="button-primary" disabled={addPasskey.isPending}>
            {addPasskey.isPending ? 'Waiting for your passkey…' : 'Add a passkey'}
          </button>
        </form>
      </section>
    </div>
  );
}

function TotpEnrolmentForm(props: { onEnrolled: (codes: string[] | null) => void; onCancel: () => void }) {
  const [enrolment, setEnrolment] = useState<TotpEnrolment | null>(null);
  const [code, setCode] = useState('');
  const start = useApiMutation({ mutationFn: () => api.post<TotpEnrolment>(`${SECOND_FACTOR_PATH}/totp`, {}), onSuccess: setEnrolment });
  const confirm = useApiMutation({
    mutationFn: () => api.post<IssuedRecoveryCodes>(`${SECOND_FACTOR_PATH}/totp/confirm`, { code }),
    onSuccess: (result) => props.onEnrolled(result.recoveryCodes),
  });

  if (!enrolment) {
    return (
      <section className="section" aria-labelledby="sf-app-heading">
        <h2 id="sf-app-heading">Set up an authenticator app</h2>
        <ErrorNotice error={start.error} />
        <p>Have the app ready on your phone. You will scan a QR code with it.</p>
        <p>
          <button type="button" className="button-primary" disabled={start.isPending} onClick={() => start.mutate()}>
            {start.isPending ? 'Preparing…' : 'Show the QR code'}
          </button>{' '}
          <button type="button" className="button-secondary" onClick={props.onCancel}>
            Back
          </button>
        </p>
      </section>
    );
  }
  return (
    <section className="section" aria-labelledby="sf-app-heading">
      <h2 id="sf-app-heading">Scan this code with your authenticator app</h2>
      <img className="totp-qr" src={enrolment.qrCode} alt="QR code for your authenticator app" width={200} height={200} />
      <p>
        Cannot scan it? Type this key into the app instead: <code className="totp-secret">{enrolment.secret}</code>
      </p>
      <ErrorNotice error={confirm.error} fields={{ code: { label: 'Code from the app', id: 'totp-code' } }} />
      <form onSubmit={onSubmit(() => confirm.mutate())} noValidate className="form">
        <Field label="Code from the app" id="totp-code" hint="The six digits the app shows now." error={confirm.error?.fieldReason('code')}>
          {(control) => <input {...control} value={code} onChange={(e) => setCode(e.target.value)} inputMode="numeric" autoComplete="one-time-code" maxLength={10} />}
        </Field>
        <button type="submit" className="button-primary" disabled={confirm.isPending}>
          {confirm.isPending ? 'Checking…' : 'Confirm the code'}
        </button>
      </form>
    </section>
  );
}
