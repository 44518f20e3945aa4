import { spawn } from 'node:child_process';
import type pg from 'pg';

/**
 * A full `pg_dump` (custom format) of the database, read from its standard output into memory:
 * the unencrypted archive never touches the disk (issue 11). The caller seals it before it goes
 * anywhere. The password goes through the environment, never the command line (`ps`).
 */
export async function dumpDatabase(connection: pg.PoolConfig): Promise<Buffer> {
  const args = connection.connectionString
    ? ['--dbname', connection.connectionString]
    : ['--host', String(connection.host), '--port', String(connection.port), '--username', String(connection.user), '--dbname', String(connection.database)];
  const env = connection.connectionString ? {} : { PGPASSWORD: String(connection.password) };
  return new Promise((resolve, reject) => {
    // The tool needs PATH, HOME and locale from the environment, plus the password we add.
    // eslint-disable-next-line no-restricted-properties
    const child = spawn('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
    const chunks: Buffer[] = [];
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', (err: NodeJS.ErrnoException) =>
      reject(err.code === 'ENOENT' ? new Error('pg_dump was not found. Install the PostgreSQL client tools (Debian: apt-get install postgresql-client).') : err),
    );
    child.on('close', (code) => (code === 0 ? resolve(Buffer.concat(chunks)) : reject(new Error(`pg_dump failed (exit ${code}): ${stderr.trim().slice(-1500)}`))));
  });
}
