import type pg from 'pg';
import { loadConfig, type Config } from '../../src/config.js';
import { openDatabase, type Database } from '../../src/db/open-database.js';
import { databaseEnv } from './unionhall-process.js';

/**
 * Opens the database of a Unionhall data folder from the test process, the way the app does
 * (starting its embedded PostgreSQL when nothing runs there). Close it before running the CLI
 * again, so the CLI meets the folder as a user would.
 */
export async function openDataDirDatabase(dataDir: string): Promise<{ config: Config; database: Database }> {
  // On the external project, the folder's database is on the external server (DATABASE_URL).
  const config = loadConfig({ ...databaseEnv(dataDir), LOG_LEVEL: 'silent' });
  return { config, database: await openDatabase(config, () => undefined) };
}

export type Snapshot = Record<string, { rows: number; md5: string }>;

/**
 * Every table in every schema we own (public and drizzle's migration journal), as a row count and
 * an md5 over all its rows in a stable order, plus every sequence's position: two snapshots are
 * equal only when the data is.
 */
export async function snapshotDatabase(pool: pg.Pool): Promise<Snapshot> {
  const tables = await pool.query<{ schema: string; name: string }>(
    `SELECT table_schema AS schema, table_name AS name FROM information_schema.tables
      WHERE table_type = 'BASE TABLE' AND table_schema IN ('public', 'drizzle') ORDER BY 1, 2`,
  );
  const snapshot: Snapshot = {};
  for (const { schema, name } of tables.rows) {
    const qualified = `"${schema}"."${name}"`;
    const { rows } = await pool.query<{ rows: number; md5: string }>(
      `SELECT count(*)::int AS rows, md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) AS md5 FROM ${qualified} t`,
    );
    snapshot[`${schema}.${name}`] = rows[0]!;
  }
  const sequences = await pool.query<{ name: string; last: string | null }>(
    `SELECT schemaname || '.' || sequencename AS name, last_value::text AS last FROM pg_sequences WHERE schemaname IN ('public', 'drizzle')`,
  );
  for (const s of sequences.rows) snapshot[`sequence ${s.name}`] = { rows: 0, md5: s.last ?? 'unused' };
  return snapshot;
}
