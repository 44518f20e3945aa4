import path from 'node:path';
import pg from 'pg';
import type { Config } from '../config.js';
import { createRepeatLimiter } from '../support/repeat-limiter.js';
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

type PoolLimits = Pick<Config, 'databasePoolSize' | 'databasePoolTimeoutMs' | 'databaseStatementTimeoutMs' | 'errorLogIntervalSeconds'>;

/**
 * A pool whose connections can die at any moment without taking the process with them, and whose
 * every wait is bounded: checkout (`databasePoolTimeoutMs`) and statements (`statement_timeout`).
 */
export function createPool(connection: pg.PoolConfig, limits: PoolLimits, log: (message: string) => void, options: { boundStatements?: boolean } = {}): pg.Pool {
  // Requests get bounded statements; a CLI command (a million-row import, a restore) does not.
  const statements: pg.PoolConfig =
    options.boundStatements === false
      ? {}
      : {
          statement_timeout: limits.databaseStatementTimeoutMs,
          // The server cancels a slow statement itself; a server that cannot answer at all (frozen,
          // a network gone silent) is given up on by the client a little later.
          query_timeout: limits.databaseStatementTimeoutMs + 5_000,
          // A transaction left open (a request that hung between two statements) must not hold its
          // locks for ever: the server ends such a session.
          idle_in_transaction_session_timeout: Math.max(limits.databaseStatementTimeoutMs * 2, 60_000),
        };
  const pool = new pg.Pool({
    ...connection,
    ...statements,
    max: limits.databasePoolSize,
    idleTimeoutMillis: 30_000,
    // Both the wait for a free connection and the opening of a new one: a request never queues
    // for longer than this behind a database that is down or saturated; it gets a 503.
    connectionTimeoutMillis: limits.databasePoolTimeoutMs,
    // Notice a server that vanished without closing the socket (a host that died).
    keepAlive: true,
  });
  // A connection that fails emits 'error' on its client. pg-pool listens only while the client is
  // idle; one checked out (a request's query, a command's transaction) had no listener, and an
  // 'error' event without one kills the process. Every client gets one for its whole life: the
  // query in flight is rejected anyway (the request answers 503), and the pool drops the client.
  const repeats = createRepeatLimiter<string>({
    intervalMs: limits.errorLogIntervalSeconds * 1000,
    report: (message, count) => log(count === 0 ? `Lost a database connection: ${message}` : `Lost a database connection: ${message} (${count} more in the last ${limits.errorLogIntervalSeconds} s)`),
  });
  const onClientError = (err: Error): void => repeats.record(`${(err as { code?: string }).code ?? ''} ${err.message}`, err.message);
  pool.on('connect', (client) => client.on('error', onClientError));
  pool.on('error', onClientError);
  return pool;
}

// With DATABASE_URL we use that server and never start our own; without it, a private one.
export async function openDatabase(config: Config, log: (m: string) => void, options: { serving?: boolean } = {}): Promise<Database> {
  let embedded: EmbeddedPostgres | null = null;
  let connection: pg.PoolConfig;
  if (config.databaseUrl) {
    connection = { connectionString: config.databaseUrl };
  } else {
    embedded = await startEmbeddedPostgres({ dataDir: path.join(config.dataDir), database: 'unionhall', log });
    connection = embedded.connection;
  }
  const pool = createPool(connection, config, log, { boundStatements: options.serving === true });
  const db = createDb(pool);
  const close = async (): Promise<void> => {
    await pool.end().catch(() => undefined);
    if (embedded) await embedded.stop();
  };
  return { db, pool, connection, embedded, close };
}
