import { useState } from 'react';

/**
 * Recovery codes, shown this once (only their hashes are kept): copy them or download them as a
 * file, and say so before going on.
 */
export function RecoveryCodes(props: { codes: string[]; onSaved: () => void }) {
  const [copied, setCopied] = useState<string | null>(null);
  const text = `Unionhall recovery codes (each works once)\n\n${props.codes.join('\n')}\n`;
  const download = () => {
    const url = URL.createObjectURL(new Blob([text], { type: 'text/plain' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = 'unionhall-recovery-codes.txt';
    link.click();
    URL.revokeObjectURL(url);
  };
  const copy = () => {
    navigator.clipboard.writeText(text).then(
      () => setCopied('Copied.'),
      () => setCopied('This browser would not copy; select the codes and copy them by hand.'),
    );
  };
  return (
    <section className="section" aria-labelledby="recovery-heading">
      <h2 id="recovery-heading">Your recovery codes</h2>
      <p>
        If you lose your phone or passkey, each of these codes lets you in once. <strong>They are shown only now.</strong> Keep them somewhere safe away from your phone — on
        paper at home, or in a password manager — not on a school computer.
      </p>
      <ol className="recovery-codes" aria-label="Recovery codes">
        {props.codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ol>
      <p>
        <button type="button" className="button-secondary" onClick={copy}>
          Copy the codes
        </button>{' '}
        <button type="button" className="button-secondary" onClick={download}>
          Download as a file
        </button>{' '}
        <span role="status">{copied}</span>
      </p>
      <p>
        <button type="button" className="button-primary" onClick={props.onSaved}>
          I have saved my recovery codes
        </button>
      </p>
    </section>
  );
}
