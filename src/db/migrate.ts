import path from 'node:path';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';

export const migrationsFolder = path.resolve(import.meta.dirname, '..', '..', 'drizzle');

// Several app processes may boot at once against one server: an advisory lock makes the
// migrations run exactly once, the others wait and then find nothing to do.
export async function runMigrations(connection: pg.PoolConfig): Promise<void> {
  const client = new pg.Client(connection);
  await client.connect();
  try {
    await client.query("SET client_min_messages = 'warning'");
    await client.query('SELECT pg_advisory_lock(7263001)');
    await migrate(drizzle(client), { migrationsFolder });
  } finally {
    await client.query('SELECT pg_advisory_unlock(7263001)').catch(() => undefined);
    await client.end();
  }
}
