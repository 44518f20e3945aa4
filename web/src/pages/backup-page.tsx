import { useState } from 'react';
import { ErrorNotice, InfoNotice, SuccessNotice } from '../components/error-notice.js';
import { Field } from '../components/field.js';
import { PageHeader } from '../components/page-header.js';
import { api } from '../lib/api.js';
import { onSubmit, useApiMutation } from '../lib/query.js';

/**
 * An encrypted backup of the whole server, downloaded to this computer: sealed with the passphrase
 * typed here before it leaves the server (which keeps no copy), and recorded in the audit log.
 */
export function BackupPage() {
  const [passphrase, setPassphrase] = useState('');
  const [repeat, setRepeat] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const backup = useApiMutation<void, string>({
    mutationFn: () => api.download('/api/admin/backup', { passphrase }),
    onSuccess: (fileName) => {
      setPassphrase('');
      setRepeat('');
      setSaved(fileName);
    },
  });

  function start(): void {
    setSaved(null);
    setMismatch(passphrase !== repeat);
    if (passphrase === repeat) backup.mutate();
  }

  const { error } = backup;
  return (
    <>
      <PageHeader
        title="Backup"
        intro={
          <p>
            A copy of everything on this server (every campaign, every card, every note), encrypted with a passphrase you choose. Without the passphrase the file cannot be read, by
            anyone, including us: keep it somewhere safe and apart from the file.
          </p>
        }
      />
      <InfoNotice>
        <p>
          The encrypted fields inside also need this server’s master key to be read after a restore. Keep that key too (see the README). Making a backup is written to the audit log.
        </p>
      </InfoNotice>
      {saved ? (
        <SuccessNotice>
          <p>
            Downloaded <strong>{saved}</strong>. To restore it: <code>unionhall restore {saved} --passphrase-file FILE</code>.
          </p>
        </SuccessNotice>
      ) : null}
      <ErrorNotice error={error} fields={{ passphrase: { label: 'Passphrase', id: 'backup-passphrase' } }} />
      <form onSubmit={onSubmit(start)} noValidate className="form editor">
        <Field label="Passphrase" id="backup-passphrase" hint="At least 12 characters; a few unrelated words are best." error={error?.fieldReason('passphrase')}>
          {(control) => <input {...control} type="password" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} autoComplete="new-password" />}
        </Field>
        <Field label="Passphrase again" id="backup-passphrase-repeat" error={mismatch ? 'does not match the passphrase' : undefined}>
          {(control) => <input {...control} type="password" value={repeat} onChange={(e) => setRepeat(e.target.value)} autoComplete="new-password" />}
        </Field>
        <button type="submit" className="button-primary" disabled={backup.isPending}>
          {backup.isPending ? 'Making the backup…' : 'Make and download an encrypted backup'}
        </button>
      </form>
    </>
  );
}
