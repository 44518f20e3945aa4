import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const MASTER_KEY_BYTES = 32;

/** Where the master key comes from: the environment, a file elsewhere, or DATA_DIR (the default). */
export type MasterKeySource = { key: string } | { file: string } | { dataDir: string };

export class MasterKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MasterKeyError';
  }
}

/** The default key file: in DATA_DIR beside (never inside) the PostgreSQL directory, so a copy of the cluster or a dump does not carry it. */
export function defaultMasterKeyFile(dataDir: string): string {
  return path.join(dataDir, 'master-key');
}

function decodeKey(text: string, where: string): Buffer {
  const key = Buffer.from(text.trim(), 'base64url');
  if (key.length !== MASTER_KEY_BYTES) throw new MasterKeyError(`${where}: the master key must be ${MASTER_KEY_BYTES} bytes in base64url.`);
  return key;
}

export function encodeKey(key: Buffer): string {
  return key.toString('base64url');
}

/**
 * Loads the master key. In DATA_DIR it is created on first start (mode 0600); a file named
 * explicitly must exist already, since a new key there would silently orphan the data.
 */
export function loadMasterKey(source: MasterKeySource): Buffer {
  if ('key' in source) return decodeKey(source.key, 'DATA_KEY');
  const file = 'file' in source ? source.file : defaultMasterKeyFile(source.dataDir);
  if (!existsSync(file)) {
    if ('file' in source) throw new MasterKeyError(`DATA_KEY_FILE ${file} does not exist.`);
    mkdirSync(source.dataDir, { recursive: true, mode: 0o700 });
    writeMasterKeyFile(file, randomBytes(MASTER_KEY_BYTES));
  }
  const mode = statSync(file).mode & 0o777;
  // A key readable by other users of the machine is a key given away: tighten it rather than refuse.
  if (mode & 0o077) chmodSync(file, 0o600);
  return decodeKey(readFileSync(file, 'utf8'), file);
}

export function writeMasterKeyFile(file: string, key: Buffer): void {
  writeFileSync(file, `${encodeKey(key)}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
}
