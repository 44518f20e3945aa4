import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { createPersonLink, type PersonLink } from './person-link.js';

/** Where wrapped data keys live (the `data_keys` table); the keyring never sees SQL. */
export type DataKeyStore = {
  list(): Promise<{ id: string; wrappedKey: Buffer; purpose: 'field' | 'link'; retiredAt: Date | null; createdAt: Date }[]>;
  insert(wrappedKey: Buffer): Promise<string>;
  /** Stores `wrappedKey` as the link key unless one exists; returns the one stored. */
  findOrInsertLinkKey(wrappedKey: Buffer): Promise<Buffer>;
};

/** Synchronous field encryption with the data keys already unwrapped. */
export type FieldCipher = {
  encryptText(plain: string): string;
  encryptText(plain: string | null): string | null;
  decryptText(stored: string): string;
  decryptText(stored: string | null): string | null;
  encryptBytes(plain: Buffer): Buffer;
  decryptBytes(stored: Buffer): Buffer;
};

export type Keyring = {
  /** The cipher, once the data keys are unwrapped (the first call creates a data key if none exists). */
  cipher(): Promise<FieldCipher>;
  /** The keyed link from cards to roster people (decision 0028); the first call creates the link key. */
  link(): Promise<PersonLink>;
};

const TEXT_PREFIX = 'uh1.';
const BYTES_MAGIC = Buffer.from('UH1\0', 'latin1');
const IV_BYTES = 12;
const TAG_BYTES = 16;

function seal(key: Buffer, plain: Buffer, aad: Buffer): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(aad);
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]);
}

function open(key: Buffer, sealed: Buffer, aad: Buffer): Buffer {
  const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, IV_BYTES));
  decipher.setAAD(aad);
  decipher.setAuthTag(sealed.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  return Buffer.concat([decipher.update(sealed.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]);
}

const WRAP_AAD = Buffer.from('unionhall-data-key-v1');

/** A data key sealed by the master key (AES-256-GCM); what the database stores. */
export function wrapDataKey(masterKey: Buffer, dataKey: Buffer): Buffer {
  return seal(masterKey, dataKey, WRAP_AAD);
}

export function unwrapDataKey(masterKey: Buffer, wrapped: Buffer): Buffer {
  try {
    return open(masterKey, wrapped, WRAP_AAD);
  } catch {
    throw new Error('A data key cannot be unwrapped: this master key is not the one the database was encrypted with.');
  }
}

function uuidBytes(id: string): Buffer {
  return Buffer.from(id.replace(/-/g, ''), 'hex');
}

function uuidText(bytes: Buffer): string {
  const h = bytes.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/**
 * Envelope encryption of fields (decision 0025): each value is sealed with AES-256-GCM under the
 * newest data key, the key's id written beside it; data keys are stored wrapped by the master key.
 * Values written before encryption existed (no prefix) are read as they are, so an existing
 * database keeps working and its old rows are rewritten by `unionhall rotate-keys --reencrypt`.
 */
export function createKeyring(options: { masterKey: Buffer; store: DataKeyStore }): Keyring {
  let loaded: Promise<FieldCipher> | undefined;

  async function load(): Promise<FieldCipher> {
    const fieldKeys = async () => (await options.store.list()).filter((r) => r.purpose === 'field');
    let rows = await fieldKeys();
    if (!rows.some((r) => r.retiredAt === null)) {
      await options.store.insert(wrapDataKey(options.masterKey, randomBytes(32)));
      rows = await fieldKeys();
    }
    const keys = new Map(rows.map((r) => [r.id, unwrapDataKey(options.masterKey, r.wrappedKey)]));
    const current = rows.filter((r) => r.retiredAt === null).sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())[0];
    if (!current) throw new Error('no current data key');
    const currentKey = keys.get(current.id) as Buffer;
    const currentId = uuidBytes(current.id);

    function keyFor(id: Buffer): Buffer {
      const key = keys.get(uuidText(id));
      // A key created by another process after this one loaded: the next call reloads.
      if (!key) {
        loaded = undefined;
        throw new Error('Unknown data key; reload the keyring.');
      }
      return key;
    }

    function encryptText(plain: string | null): string | null {
      if (plain === null) return null;
      return TEXT_PREFIX + Buffer.concat([currentId, seal(currentKey, Buffer.from(plain, 'utf8'), currentId)]).toString('base64url');
    }
    function decryptText(stored: string | null): string | null {
      if (stored === null || !stored.startsWith(TEXT_PREFIX)) return stored;
      const raw = Buffer.from(stored.slice(TEXT_PREFIX.length), 'base64url');
      const id = raw.subarray(0, 16);
      return open(keyFor(id), raw.subarray(16), id).toString('utf8');
    }
    return {
      encryptText: encryptText as FieldCipher['encryptText'],
      decryptText: decryptText as FieldCipher['decryptText'],
      encryptBytes(plain: Buffer): Buffer {
        return Buffer.concat([BYTES_MAGIC, currentId, seal(currentKey, plain, currentId)]);
      },
      decryptBytes(stored: Buffer): Buffer {
        if (!stored.subarray(0, BYTES_MAGIC.length).equals(BYTES_MAGIC)) return stored;
        const id = stored.subarray(BYTES_MAGIC.length, BYTES_MAGIC.length + 16);
        return open(keyFor(id), stored.subarray(BYTES_MAGIC.length + 16), id);
      },
    };
  }

  let linked: Promise<PersonLink> | undefined;
  async function loadLink(): Promise<PersonLink> {
    const wrapped = await options.store.findOrInsertLinkKey(wrapDataKey(options.masterKey, randomBytes(32)));
    return createPersonLink(unwrapDataKey(options.masterKey, wrapped));
  }

  return {
    cipher() {
      loaded ??= load().catch((error: unknown) => {
        loaded = undefined;
        throw error;
      });
      return loaded;
    },
    link() {
      linked ??= loadLink().catch((error: unknown) => {
        linked = undefined;
        throw error;
      });
      return linked;
    },
  };
}

/** A keyed hash (HMAC-SHA-256): equal inputs give equal outputs, and nobody without the key can test a guess. */
export function keyedHash(key: Buffer, value: string): string {
  return createHmac('sha256', key).update(value, 'utf8').digest('hex');
}
