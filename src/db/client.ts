import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import type pg from 'pg';
import * as schema from './schema/index.js';

// $client: the pool itself, for the rare statement that must skip the query builder (the
// petition signatures' group commit, a prepared statement run thousands of times a second).
export type Db = NodePgDatabase<typeof schema> & { $client: pg.Pool };

export function createDb(pool: pg.Pool): Db {
  return drizzle(pool, { schema });
}
