import { Decrypter, Encrypter } from 'age-encryption';

/** What a backup is encrypted to: a passphrase (scrypt) or an age recipient (`age1…`). */
export type BackupKey = { passphrase: string } | { recipient: string };
/** What opens it: the passphrase, or the age identity (`AGE-SECRET-KEY-1…`). */
export type BackupOpener = { passphrase: string } | { identity: string };

/** Seals a pg_dump archive with age (decision 0025): without the passphrase or identity it is noise. */
export async function sealBackup(archive: Uint8Array, key: BackupKey): Promise<Uint8Array> {
  const encrypter = new Encrypter();
  if ('passphrase' in key) encrypter.setPassphrase(key.passphrase);
  else encrypter.addRecipient(key.recipient);
  return encrypter.encrypt(archive);
}

/** Opens a sealed backup; age authenticates every chunk, so a changed or truncated file is refused here. */
export async function openBackup(sealed: Uint8Array, opener: BackupOpener): Promise<Uint8Array> {
  const decrypter = new Decrypter();
  if ('passphrase' in opener) decrypter.addPassphrase(opener.passphrase);
  else decrypter.addIdentity(opener.identity);
  try {
    return await decrypter.decrypt(sealed);
  } catch (error) {
    throw new Error(`This backup cannot be opened with that ${'passphrase' in opener ? 'passphrase' : 'identity'}, or it was changed: ${(error as Error).message}`);
  }
}
