import type { Keyring } from '../../src/crypto/keyring.js';
import type { Db } from '../../src/db/client.js';
import { openPersonLink, sealPersonLink } from '../../src/db/repositories/card-sealing.js';

// The keyring of the app built on a test database, so fixtures that write straight into the
// tables link cards to people the way the app does (decision 0028), given only the database.
const keyrings = new WeakMap<Db, Keyring>();

export function registerKeyring(db: Db, keyring: Keyring): void {
  keyrings.set(db, keyring);
}

function keyringOf(db: Db): Keyring {
  const keyring = keyrings.get(db);
  if (!keyring) throw new Error('no test app on this database: build it with createTestApp()');
  return keyring;
}

/** The stored (keyed) link to a person, for a fixture's insert. */
export async function keyedLink(db: Db, personId: string | null) {
  const keyring = keyringOf(db);
  return sealPersonLink(await keyring.cipher(), await keyring.link(), personId);
}

/** The person a stored card or verification row links to, opened with the app's key. */
export async function linkedPerson(db: Db, row: { personRef: string | null; legacyPersonId: string | null }): Promise<string | null> {
  return openPersonLink(await keyringOf(db).cipher(), row);
}
