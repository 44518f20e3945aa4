import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { TestDatabase } from './test-database.js';

const run = promisify(execFile);

/** A plain-text `pg_dump` of a test database: what an attacker holding a dump reads. */
export async function pgDump(database: Pick<TestDatabase, 'connection'>): Promise<string> {
  const c = database.connection;
  const { stdout } = await run('pg_dump', ['--host', String(c.host), '--port', String(c.port), '--username', String(c.user), '--dbname', String(c.database)], {
    env: { ...process.env, PGPASSWORD: String(c.password) },
    maxBuffer: 256 * 1024 * 1024,
  });
  return stdout;
}

export type DumpedTable = { columns: string[]; rows: string[][] };

/** The data rows of each table in a plain pg_dump: `COPY public.t (…) FROM stdin;` … `\.`. */
export function tablesOf(dump: string): Map<string, DumpedTable> {
  const tables = new Map<string, DumpedTable>();
  const copy = /^COPY public\.(\w+) \(([^)]*)\) FROM stdin;\n([\s\S]*?)^\\\.$/gmu;
  for (const m of dump.matchAll(copy)) {
    const columns = m[2]!.split(', ').map((c) => c.replace(/"/gu, ''));
    const rows = m[3]!.split('\n').filter((line) => line !== '').map((line) => line.split('\t'));
    tables.set(m[1]!, { columns, rows });
  }
  return tables;
}

/** The tables of a dump with a row holding `needle` in any column, sorted. */
export function tablesHolding(tables: Map<string, DumpedTable>, needle: string): string[] {
  return [...tables].filter(([, t]) => t.rows.some((r) => r.some((v) => v.includes(needle)))).map(([name]) => name).sort();
}

/** One column of a dumped table, by name. */
export function columnOf(table: DumpedTable, column: string): string[] {
  const index = table.columns.indexOf(column);
  if (index < 0) throw new Error(`no column ${column}`);
  return table.rows.map((r) => r[index]!);
}
