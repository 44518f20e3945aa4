import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { createDb, type Db } from '../../src/db/client.js';

export type TestDatabase = { db: Db; pool: pg.Pool; connection: pg.PoolConfig; name: string; drop: () => Promise<void> };

/** A fresh database cloned from the migrated template (a file copy: milliseconds). */
export async function createTestDatabase(): Promise<TestDatabase> {
  const server = inject('pg');
  const base: pg.PoolConfig = { host: server.host, port: server.port, user: server.user, password: server.password };
  const name = `test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ ...base, database: 'postgres' });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${server.template}`);
  } finally {
    await admin.end();
  }
  const connection = { ...base, database: name };
  const pool = new pg.Pool({ ...connection, max: 10 });
  pool.on('error', () => undefined);
  return {
    db: createDb(pool),
    pool,
    connection,
    name,
    drop: async () => {
      await pool.end();
      const client = new pg.Client({ ...base, database: 'postgres' });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}
