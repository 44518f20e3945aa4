import path from 'node:path';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';

export const migrationsFolder = path.resolve(import.meta.dirname, '..', '..', 'drizzle');

// One key for everything a start does to a shared database (migrations, the demo load, the first
// admin): processes starting together take turns, and each finds the work of the one before.
const STARTUP_LOCK = 7263001;

/**
 * Runs `work` while holding the start-up lock, a PostgreSQL advisory lock on a connection of its
 * own (released when the work ends, or when the process dies and the server closes the session).
 */
export async function withStartupLock<T>(connection: pg.PoolConfig, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client(connection);
  // Losing this connection while waiting or working must fail the start, not kill the process.
  client.on('error', () => undefined);
  await client.connect();
  try {
    await client.query("SET client_min_messages = 'warning'");
    await client.query('SELECT pg_advisory_lock($1)', [STARTUP_LOCK]);
    return await work(client);
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [STARTUP_LOCK]).catch(() => undefined);
    await client.end().catch(() => undefined);
  }
}

/** Applies the migrations in drizzle/ on a connection that holds the start-up lock. */
export async function applyMigrations(client: pg.Client): Promise<void> {
  await migrate(drizzle(client), { migrationsFolder });
}

// Several app processes may boot at once against one server: the lock makes the migrations run
// exactly once, the others wait and then find nothing to do.
export async function runMigrations(connection: pg.PoolConfig): Promise<void> {
  await withStartupLock(connection, applyMigrations);
}
