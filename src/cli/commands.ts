import { spawn } from 'node:child_process';
import { recordBounceFromStdin } from './record-bounce-from-stdin.js';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { boot } from '../bootstrap.js';
import { linkBaseUrl, type Config } from '../config.js';
import { openDatabase, type Database } from '../db/open-database.js';
import { runMigrations } from '../db/migrate.js';
import { DEMO_ROSTER_EFFECTIVE } from '../demo/demo-roster-csv.js';
import { DEMO_SLUG, loadDemo, removeDemo } from '../demo/load-demo.js';
import { createMemberAccount } from '../domain/accounts/create-member-account.js';
import { findCampaignWorksites } from '../domain/accounts/find-campaign-worksites.js';
import { listMembersByWorksiteName } from '../domain/accounts/list-members-by-worksite-name.js';
import { restoreMembers } from '../domain/accounts/restore-members.js';
import { isDay } from '../domain/calendar.js';
import { systemRequester } from '../domain/commands/requester.js';
import { AppError } from '../errors.js';
import { createProgress } from '../support/progress.js';
import { defaultMasterKeyFile, loadMasterKey, MASTER_KEY_BYTES, writeMasterKeyFile } from '../crypto/master-key.js';
import { recordBackup } from '../domain/admin/record-backup.js';
import { rotateKeys } from '../domain/admin/rotate-keys.js';
import { dumpDatabase } from '../db/dump-database.js';
import { openBackup, sealBackup, type BackupKey, type BackupOpener } from '../support/age-backup.js';
import { verifyCampaignCards } from './verify-cards.js';

const say = (m: string): void => void process.stderr.write(`${m}\n`);

export async function runMigrate(config: Config): Promise<void> {
  const database = await openDatabase(config, say);
  try {
    await runMigrations(database.connection);
    say('Migrations applied.');
  } finally {
    await database.close();
  }
}

/**
 * `date` (YYYY-MM-DD, default today) is the day the demo is loaded as of: its story is moved to
 * the latest spring that is over by then (see src/demo/story-calendar.ts).
 */
export async function runDemo(config: Config, reset: boolean, date?: string): Promise<void> {
  if (date !== undefined && !isDay(date)) throw new AppError('validation_failed', `--date must be a date as YYYY-MM-DD, not "${date.slice(0, 40)}".`);
  const runtime = await boot(config, { demo: false });
  try {
    const { services } = runtime;
    const cli = systemRequester('cli');
    // Who may use the demo survives a reset (the first admin would otherwise lose it); committee
    // members keep their schools, found again by name.
    const kept = await services.read(listMembersByWorksiteName, cli, { slug: DEMO_SLUG });
    if (kept && !reset) {
      say(`The demo campaign "${DEMO_SLUG}" is already loaded. Use --reset to remove and reload it.`);
      return;
    }
    if (kept) {
      await removeDemo(runtime.database.db);
      say('Removed the demo campaign.');
    }
    // Noon in Los Angeles, the demo's time zone, on the given day.
    const now = date === undefined ? services.now() : new Date(`${date}T19:00:00Z`);
    const context = await loadDemo(runtime.database.db, createProgress, { now });
    const restored = kept && kept.length > 0 ? await services.execute(restoreMembers, cli, { slug: DEMO_SLUG, members: kept }) : 0;
    if (restored > 0) say(`Kept ${restored} member${restored === 1 ? '' : 's'} of the demo campaign.`);
    say(`Loaded the demo campaign "${DEMO_SLUG}": ${context.worksites.length} schools, ${context.educators.length} educators in the unit.`);
    say(`Its story is dated February–June ${context.calendar.year}; demo/roster.csv is the roster as of ${context.calendar.date(DEMO_ROSTER_EFFECTIVE)} (--effective ${context.calendar.date(DEMO_ROSTER_EFFECTIVE)}).`);
  } finally {
    await runtime.close();
  }
}

export async function runUserCreate(
  config: Config,
  opts: { email: string; name?: string; role: 'admin' | 'organizer' | 'committee' | 'viewer'; campaign?: string; worksite?: string[]; instanceAdmin?: boolean },
): Promise<void> {
  const runtime = await boot(config);
  try {
    const { services } = runtime;
    const cli = systemRequester('cli');
    const campaign = await services.read(findCampaignWorksites, cli, { slug: opts.campaign });
    const worksiteIds = (opts.worksite ?? []).map((name) => {
      const site = campaign.worksites.find((s) => s.name.toLowerCase() === name.toLowerCase());
      if (!site) throw new AppError('validation_failed', `No worksite named "${name}" in ${campaign.slug}. Known: ${campaign.worksites.map((s) => s.name).join(', ')}`);
      return site.id;
    });
    if (opts.role === 'committee' && worksiteIds.length === 0) throw new AppError('validation_failed', 'A committee member needs --worksite (one or more).');
    const email = opts.email.trim().toLowerCase();
    const { welcomeLink } = await services.execute(createMemberAccount, cli, {
      slug: campaign.slug,
      email,
      name: opts.name ?? email.split('@')[0] ?? email,
      role: opts.role,
      worksiteIds: opts.role === 'committee' ? worksiteIds : [],
      instanceAdmin: Boolean(opts.instanceAdmin),
      publicUrl: linkBaseUrl(config),
    });
    process.stdout.write(`Created ${email} (${opts.role} in ${campaign.slug}). One-time sign-in link, valid 72 hours:\n${welcomeLink}\n`);
  } finally {
    await runtime.close();
  }
}

export async function runVerifyCards(config: Config, slug: string): Promise<void> {
  const runtime = await boot(config, { demo: false });
  try {
    process.exitCode = await verifyCampaignCards(runtime.services, slug, (line) => process.stdout.write(`${line}\n`));
  } finally {
    await runtime.close();
  }
}

export async function runRecordBounce(config: Config): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  const runtime = await boot(config, { demo: false });
  try {
    process.exitCode = await recordBounceFromStdin(runtime.services, Buffer.concat(chunks), (line) => process.stdout.write(`${line}\n`));
  } finally {
    await runtime.close();
  }
}

// pg_dump/pg_restore take the same connection as the app: the private socket for the embedded
// server, or DATABASE_URL. The password goes through the environment, never the command line.
function clientArgs(connection: Database['connection']): { args: string[]; env: NodeJS.ProcessEnv } {
  if (connection.connectionString) return { args: ['--dbname', connection.connectionString], env: {} };
  return {
    args: ['--host', String(connection.host), '--port', String(connection.port), '--username', String(connection.user), '--dbname', String(connection.database)],
    env: { PGPASSWORD: String(connection.password) },
  };
}

function runTool(tool: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    // The tools need PATH, HOME and locale from the environment, plus the password we add.
    // eslint-disable-next-line no-restricted-properties
    const child = spawn(tool, args, { stdio: ['ignore', 'inherit', 'pipe'], env: { ...process.env, ...env } });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', (err: NodeJS.ErrnoException) =>
      reject(err.code === 'ENOENT' ? new Error(`${tool} was not found. Install the PostgreSQL client tools (Debian: apt-get install postgresql-client).`) : err),
    );
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${tool} failed (exit ${code}): ${stderr.trim().slice(-1500)}`))));
  });
}

/**
 * Rotates the master key and starts a new data key (decision 0025). The new master key is written
 * beside the old one first (`.next`), the data keys are rewrapped in one transaction, then the file
 * takes the old one's place: a crash in between leaves both keys on disk, never neither.
 */
export async function runRotateKeys(config: Config, options: { out?: string }): Promise<void> {
  const source = config.masterKey;
  const target = 'key' in source ? options.out : 'file' in source ? source.file : defaultMasterKeyFile(source.dataDir);
  if (!target) throw new AppError('validation_failed', 'The master key comes from DATA_KEY: give --out <file> for the new one, then set DATA_KEY (or DATA_KEY_FILE) to it.');
  const oldMasterKey = loadMasterKey(source);
  const runtime = await boot(config, { demo: false });
  try {
    if (runtime.database.embedded?.sharedWith) {
      // A running server holds the data keys unwrapped with the old master key: stop it first.
      throw new AppError('conflict', `Unionhall is running on this data folder (process ${runtime.database.embedded.sharedWith}). Stop it first, then rotate.`);
    }
    const newMasterKey = randomBytes(MASTER_KEY_BYTES);
    const next = `${target}.next`;
    writeMasterKeyFile(next, newMasterKey);
    const result = await runtime.services.execute(rotateKeys, systemRequester('cli'), { oldMasterKey, newMasterKey });
    renameSync(next, target);
    say(`Rotated: ${result.dataKeys} data keys now wrapped by the new master key in ${target}; new writes use data key ${result.newDataKeyId}.`);
    if ('key' in source) say('Set DATA_KEY_FILE to that file (or DATA_KEY to its content) before the next start.');
    say('Backups made before now still need the old master key: keep it as long as you keep them.');
  } finally {
    await runtime.close();
  }
}

export type BackupOptions = { passphraseFile?: string; recipient?: string };
export type RestoreOptions = { passphraseFile?: string; identityFile?: string };

// Secrets come from files, never the command line (visible to every user in `ps`).
function readSecretFile(file: string, what: string): string {
  const text = readFileSync(path.resolve(file), 'utf8').trim();
  if (!text) throw new AppError('validation_failed', `${what} file ${file} is empty.`);
  return text;
}

function backupKeyOf(options: BackupOptions): BackupKey {
  if (options.recipient) return { recipient: options.recipient };
  if (options.passphraseFile) return { passphrase: readSecretFile(options.passphraseFile, 'The passphrase') };
  throw new AppError('validation_failed', 'A backup is always encrypted: give --passphrase-file <file> or --recipient <age1…>.');
}

function backupOpenerOf(options: RestoreOptions): BackupOpener {
  if (options.identityFile) return { identity: readSecretFile(options.identityFile, 'The identity') };
  if (options.passphraseFile) return { passphrase: readSecretFile(options.passphraseFile, 'The passphrase') };
  throw new AppError('validation_failed', 'Give --passphrase-file <file> or --identity-file <file> to open the backup.');
}

/** pg_dump into memory (the archive never touches the disk unencrypted), sealed with age into `out`, mode 0600, and audited. */
export async function runBackup(config: Config, out: string, options: BackupOptions): Promise<void> {
  const key = backupKeyOf(options);
  const runtime = await boot(config, { demo: false });
  try {
    const file = path.resolve(out);
    say(`Backing up to ${file}…`);
    const sealed = await sealBackup(await dumpDatabase(runtime.database.connection), key);
    writeFileSync(file, sealed, { mode: 0o600 });
    chmodSync(file, 0o600);
    await runtime.services.execute(recordBackup, systemRequester('cli'), { file, bytes: sealed.byteLength, encryptedTo: 'recipient' in key ? 'recipient' : 'passphrase' });
    say(`Encrypted backup written: ${file} (${statSync(file).size.toLocaleString('en-US')} bytes, readable by you only).`);
    say('Without its passphrase or identity this file cannot be read, and without the master key (DATA_DIR/master-key, DATA_KEY or DATA_KEY_FILE) its encrypted fields cannot either: keep both, apart.');
  } finally {
    await runtime.close();
  }
}

export async function runRestore(config: Config, file: string, options: RestoreOptions): Promise<void> {
  const sealedFile = path.resolve(file);
  if (!existsSync(sealedFile)) throw new AppError('not_found', `No such file: ${sealedFile}`);
  const opener = backupOpenerOf(options);
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'unionhall-restore-'));
  const source = path.join(scratch, 'dump');
  writeFileSync(source, await openBackup(readFileSync(sealedFile), opener), { mode: 0o600 });
  const database = await openDatabase(config, say);
  try {
    if (database.embedded?.sharedWith) {
      // Replacing every table under a running server would pull data out from under its requests.
      throw new AppError('conflict', `Unionhall is running on this data folder (process ${database.embedded.sharedWith}). Stop it first, then restore.`);
    }
    const { args, env } = clientArgs(database.connection);
    say(`Restoring ${source}; this replaces everything in the database…`);
    // Verify before touching anything: the decrypted archive must be one pg_restore can read.
    await runTool('pg_restore', ['--list', source], {});
    // One transaction: a restore that fails halfway leaves the database as it was.
    await runTool('pg_restore', ['--clean', '--if-exists', '--no-owner', '--no-privileges', '--single-transaction', '--exit-on-error', ...args, source], env);
    say('Restore complete.');
  } finally {
    rmSync(scratch, { recursive: true, force: true });
    await database.close();
  }
}
