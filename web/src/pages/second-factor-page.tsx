import { startAuthentication } from '@simplewebauthn/browser';
import { useState } from 'react';
import { ErrorNotice, InfoNotice } from '../components/error-notice.js';
import { Field } from '../components/field.js';
import { PageHeader } from '../components/page-header.js';
import { PublicFrame } from '../components/public-frame.js';
import { passkeyError, SecondFactorEnrolment } from '../components/second-factor-enrolment.js';
import { LoadError, Loading } from '../components/status.js';
import { api } from '../lib/api.js';
import { onSubmit, useApiMutation, useApiQuery } from '../lib/query.js';
import { SECOND_FACTOR_PATH, type MySecondFactors } from '../lib/second-factor-types.js';
import { useSessionState } from '../lib/session.js';

/** The second step of sign-in: confirm with a factor, or set one up when the role requires it (decision 0026). */
export function SecondFactorPage() {
  const { refresh, signOut } = useSessionState();
  const status = useApiQuery<MySecondFactors>(SECOND_FACTOR_PATH);
  const done = () => void refresh();
  const signOutLink = (
    <p className="form-aside">
      <button type="button" className="button-link" onClick={() => void signOut(false)}>
        Sign out
      </button>
    </p>
  );

  if (status.error) {
    return (
      <PublicFrame>
        <LoadError error={status.error} retry={() => void status.refetch()} />
      </PublicFrame>
    );
  }
  if (!status.data) return <Loading label="Opening Unionhall…" />;
  if (status.data.step === 'enrol') {
    return (
      <PublicFrame>
        <PageHeader
          title="Set up a second factor"
          intro={
            <p>
              Your role can see who signed a card. So that a stolen or guessed password is not enough to open it, you also confirm it is you with your phone or a passkey
              each time you sign in. This takes two minutes, once.
            </p>
          }
        />
        <SecondFactorEnrolment onDone={done} />
        {signOutLink}
      </PublicFrame>
    );
  }
  return (
    <PublicFrame>
      <PageHeader title="Confirm it is you" intro={<p>Your password was right. Now use your second factor.</p>} />
      <VerifyWithPasskey show={status.data.hasPasskey} onVerified={done} />
      <VerifyWithCode hasApp={status.data.totp} onVerified={done} />
      {signOutLink}
    </PublicFrame>
  );
}

function VerifyWithPasskey(props: { show: boolean; onVerified: () => void }) {
  const verify = useApiMutation({
    mutationFn: async () => {
      try {
        const optionsJSON = await api.post<Parameters<typeof startAuthentication>[0]['optionsJSON']>(`${SECOND_FACTOR_PATH}/passkeys/authentication`, {});
        const response = await startAuthentication({ optionsJSON });
        return await api.post(`${SECOND_FACTOR_PATH}/passkeys/verify`, { response });
      } catch (err) {
        throw passkeyError(err);
      }
    },
    onSuccess: props.onVerified,
  });
  if (!props.show) return null;
  return (
    <section className="section" aria-labelledby="verify-passkey-heading">
      <h2 id="verify-passkey-heading">With your passkey</h2>
      <ErrorNotice error={verify.error} />
      <button type="button" className="button-primary" disabled={verify.isPending} onClick={() => verify.mutate()}>
        {verify.isPending ? 'Waiting for your passkey…' : 'Use my passkey'}
      </button>
    </section>
  );
}

function VerifyWithCode(props: { hasApp: boolean; onVerified: () => void }) {
  const [code, setCode] = useState('');
  const verify = useApiMutation({
    mutationFn: () => api.post<{ method: string; recoveryCodesLeft: number }>(`${SECOND_FACTOR_PATH}/verify`, { code }, { quietAuth: true }),
    onSuccess: props.onVerified,
  });
  return (
    <section className="section" aria-labelledby="verify-code-heading">
      <h2 id="verify-code-heading">{props.hasApp ? 'With a code' : 'With a recovery code'}</h2>
      <ErrorNotice error={verify.error} fields={{ code: { label: 'Code', id: 'second-factor-code' } }} />
      {props.hasApp ? null : <InfoNotice>Lost your passkey? Use one of the recovery codes you saved.</InfoNotice>}
      <form onSubmit={onSubmit(() => verify.mutate())} noValidate className="form">
        <Field
          label="Code"
          id="second-factor-code"
          hint={props.hasApp ? 'The six digits your authenticator app shows, or one of your recovery codes.' : 'One of your recovery codes (each works once).'}
          error={verify.error?.fieldReason('code')}
        >
          {(control) => <input {...control} value={code} onChange={(e) => setCode(e.target.value)} autoComplete="one-time-code" maxLength={40} />}
        </Field>
        <button type="submit" className="button-primary" disabled={verify.isPending}>
          {verify.isPending ? 'Checking…' : 'Confirm'}
        </button>
      </form>
    </section>
  );
}
