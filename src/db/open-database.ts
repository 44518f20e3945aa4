import path from 'node:path';
import pg from 'pg';
import type { Config } from '../config.js';
import { createDb, type Db } from './client.js';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './embedded-postgres.js';

export type Database = {
  db: Db;
  pool: pg.Pool;
  connection: pg.PoolConfig;
  /** Present when we run our own server; null with DATABASE_URL. */
  embedded: EmbeddedPostgres | null;
  close: () => Promise<void>;
};

// With DATABASE_URL we use that server and never start our own; without it, a private one.
export async function openDatabase(config: Config, log: (m: string) => void): Promise<Database> {
  let embedded: EmbeddedPostgres | null = null;
  let connection: pg.PoolConfig;
  if (config.databaseUrl) {
    connection = { connectionString: config.databaseUrl };
  } else {
    embedded = await startEmbeddedPostgres({ dataDir: path.join(config.dataDir), database: 'unionhall', log });
    connection = embedded.connection;
  }
  const pool = new pg.Pool({ ...connection, max: 20, idleTimeoutMillis: 30_000 });
  // A dropped idle connection (server restart) must not crash the process.
  pool.on('error', () => undefined);
  const db = createDb(pool);
  const close = async (): Promise<void> => {
    await pool.end().catch(() => undefined);
    if (embedded) await embedded.stop();
  };
  return { db, pool, connection, embedded, close };
}
