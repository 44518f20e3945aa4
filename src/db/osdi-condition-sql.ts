import { and, eq, gt, gte, lt, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { OsdiCondition } from '../vocabulary/osdi-filter.js';

const DAY_MS = 86_400_000;

/** The columns an OSDI filter reads on one table; `email` absent where the resource has none. */
export type OsdiFilterColumns = { id: PgColumn; identifiers: PgColumn; createdAt: PgColumn; updatedAt: PgColumn; email?: PgColumn };

/**
 * One condition of OSDI's `filter=` as SQL (decision 0029): our own id is an identifier too
 * (`unionhall:<id>`), `eq` on a date is that whole UTC day, and an email filter on a resource
 * without an email matches nothing.
 */
export function osdiConditionSql(c: OsdiCondition, columns: OsdiFilterColumns): SQL | undefined {
  if (c.kind === 'text') {
    if (c.field === 'email') return columns.email ? sql`lower(${columns.email}) = ${c.value.toLowerCase()}` : sql`false`;
    const own = /^unionhall:([0-9a-f-]{36})$/i.exec(c.value)?.[1];
    return own ? eq(columns.id, own) : sql`${columns.identifiers} @> array[${c.value}]::text[]`;
  }
  const column = c.field === 'created_date' ? columns.createdAt : columns.updatedAt;
  if (c.op === 'gt') return gt(column, c.value);
  if (c.op === 'lt') return lt(column, c.value);
  return and(gte(column, c.value), lt(column, new Date(c.value.getTime() + DAY_MS)));
}
