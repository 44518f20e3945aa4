import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDataDirDatabase, snapshotDatabase, type Snapshot } from '../support/data-dir-database.js';
import { cleanUp, freePort, makeDataDir, postgresProcessesOf, runCli, startUnionhall, waitForHealthy } from '../support/unionhall-process.js';

// `unionhall backup` / `restore` against a data folder no server is running on: each command
// starts the embedded PostgreSQL itself and stops it when done.

let dataDir: string;
let backupFile: string;
let passphraseFile: string;
const cli = async (...args: string[]) => {
  const result = await runCli(args, { DATA_DIR: dataDir });
  // The command cleans up after itself: no PostgreSQL is left running on the folder.
  expect(postgresProcessesOf(dataDir), `after ${args.join(' ')}`).toEqual([]);
  return result;
};

async function snapshot(change?: (pool: pg.Pool) => Promise<void>): Promise<Snapshot> {
  const { database } = await openDataDirDatabase(dataDir);
  try {
    await change?.(database.pool);
    return await snapshotDatabase(database.pool);
  } finally {
    await database.close();
  }
}

beforeAll(async () => {
  dataDir = makeDataDir('backup');
  backupFile = path.join(path.dirname(dataDir), 'unionhall.backup');
  passphraseFile = path.join(path.dirname(dataDir), 'backup-passphrase');
  writeFileSync(passphraseFile, 'correct horse battery staple for the lawyer\n', { mode: 0o600 });
  const demo = await cli('demo');
  expect(demo.code, demo.stderr).toBe(0);
}, 120_000);
afterAll(async () => cleanUp([dataDir]), 60_000);

describe('backup and restore', () => {
  it('round-trips the whole database: restore brings back exactly the backed-up state', { timeout: 180_000 }, async () => {
    const before = await cli('user', 'create', '--email', 'before-backup@example.org', '--role', 'organizer');
    expect(before.code, before.stderr).toBe(0);
    const backedUp = await snapshot();
    expect(backedUp['public.people']!.rows).toBeGreaterThan(700);
    expect(backedUp['public.audit_events']!.rows).toBeGreaterThan(0);
    // The account just made, plus the demo's placeholder organizers and committee members (disabled).
    expect(backedUp['public.accounts']!.rows).toBeGreaterThanOrEqual(1);
    expect(backedUp['public.assessments']!.rows).toBeGreaterThan(100);

    const unencrypted = await cli('backup', '--out', backupFile);
    expect(unencrypted.code).toBe(1);
    expect(unencrypted.stderr).toContain('always encrypted');

    const backup = await cli('backup', '--out', backupFile, '--passphrase-file', passphraseFile);
    expect(backup.code, backup.stderr).toBe(0);
    expect(backup.stderr).toContain('Encrypted backup written');
    // An age file, readable by its owner only; nothing of the archive shows through.
    expect(readFileSync(backupFile).subarray(0, 21).toString()).toBe('age-encryption.org/v1');
    expect(statSync(backupFile).mode & 0o777).toBe(0o600);
    expect(readFileSync(backupFile).includes('PGDMP')).toBe(false);
    const audited = await snapshot(async (pool) => {
      const { rows } = await pool.query("SELECT actor_email, details FROM audit_events WHERE action = 'backup.created'");
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ actor_email: 'cli', details: { encryptedTo: 'passphrase' } });
    });
    expect(audited['public.audit_events']!.rows).toBe(backedUp['public.audit_events']!.rows + 1);

    const wrongFile = path.join(path.dirname(dataDir), 'wrong-passphrase');
    writeFileSync(wrongFile, 'not the passphrase', { mode: 0o600 });
    const wrong = await cli('restore', backupFile, '--passphrase-file', wrongFile);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('cannot be opened');

    // Changes after the backup, in several tables, the audit log included.
    const after = await cli('user', 'create', '--email', 'after-backup@example.org', '--role', 'viewer');
    expect(after.code, after.stderr).toBe(0);
    const changed = await snapshot(async (pool) => {
      await pool.query("UPDATE people SET family_name = 'Changed' WHERE id = (SELECT id FROM people ORDER BY id LIMIT 1)");
      await pool.query("INSERT INTO audit_events (action, actor_email) VALUES ('test.after_backup', 'test')");
    });
    const differing = Object.keys(changed).filter((k) => JSON.stringify(changed[k]) !== JSON.stringify(backedUp[k]));
    expect(differing).toEqual(expect.arrayContaining(['public.accounts', 'public.audit_events', 'public.people', 'public.memberships', 'public.login_tokens']));

    const restore = await cli('restore', backupFile, '--passphrase-file', passphraseFile);
    expect(restore.code, restore.stderr).toBe(0);
    expect(restore.stderr).toContain('Restore complete');

    expect(await snapshot()).toEqual(backedUp);
  });

  it('keeps the audit log append-only after a restore', { timeout: 60_000 }, async () => {
    const { database } = await openDataDirDatabase(dataDir);
    try {
      await expect(database.pool.query("UPDATE audit_events SET action = 'rewritten'")).rejects.toMatchObject({ code: '42501' });
      await expect(database.pool.query('DELETE FROM audit_events')).rejects.toMatchObject({ code: '42501' });
      await expect(database.pool.query('TRUNCATE audit_events')).rejects.toMatchObject({ code: '42501' });
    } finally {
      await database.close();
    }
  });

  it('refuses a file that does not exist, readably, and changes nothing', { timeout: 60_000 }, async () => {
    const missing = path.join(path.dirname(dataDir), 'no-such.backup');
    const result = await cli('restore', missing);
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe(`No such file: ${missing}`);
    expect(existsSync(path.join(dataDir, 'postgres', 'PG_VERSION'))).toBe(true);
  });

  it('refuses to restore under a running server, and the server keeps working', { timeout: 180_000 }, async () => {
    const port = await freePort();
    const server = startUnionhall(['serve'], { DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'warn' });
    try {
      await waitForHealthy(server, port);
      const before = await snapshot();
      const result = await runCli(['restore', backupFile, '--passphrase-file', passphraseFile], { DATA_DIR: dataDir });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('Stop it first');
      expect(await snapshot()).toEqual(before);
      expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
    }
    expect(postgresProcessesOf(dataDir)).toEqual([]);
  });

  it('refuses a file that is not a backup and leaves the database as it was', { timeout: 120_000 }, async () => {
    const before = await snapshot();
    const result = await cli('restore', path.join(dataDir, 'session-secret'), '--passphrase-file', passphraseFile);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/cannot be opened/);
    expect(await snapshot()).toEqual(before);
  });
});
