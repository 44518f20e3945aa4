import type { ExtractTablesWithRelations } from 'drizzle-orm';
import { drizzle, type NodePgDatabase, type NodePgQueryResultHKT } from 'drizzle-orm/node-postgres';
import type { PgDatabase } from 'drizzle-orm/pg-core';
import type pg from 'pg';
import * as schema from './schema/index.js';

// $client: the pool itself, for the rare statement that must skip the query builder (the
// petition signatures' group commit, a prepared statement run thousands of times a second).
export type Db = NodePgDatabase<typeof schema> & { $client: pg.Pool };

/**
 * What a repository runs its statements on: the pool (`Db`) or an open transaction. Commands build
 * their repositories on the transaction (decision 0017), so reads, rules, the write, the audit row
 * and the mail row commit together; a repository's own `transaction()` then becomes a savepoint.
 */
export type Executor = PgDatabase<NodePgQueryResultHKT, typeof schema, ExtractTablesWithRelations<typeof schema>>;

/** An open transaction. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export function createDb(pool: pg.Pool): Db {
  return drizzle(pool, { schema });
}
