import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, chmodSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres } from '../../src/db/embedded-postgres.js';
import { runMigrations } from '../../src/db/migrate.js';

export const TEMPLATE_DB = 'unionhall_template';

/** The name of the vitest project that runs the API and ops suites on a server Unionhall did not start. */
export const EXTERNAL_PROJECT = 'external-postgres';

declare module 'vitest' {
  export interface ProvidedContext {
    pg: {
      host: string;
      port: number;
      user: string;
      password: string;
      template: string;
      /** Set when the tests run on a server Unionhall did not start (UNIONHALL_TEST_DATABASE_URL): its URL, on the maintenance database. */
      externalUrl: string | null;
    };
  }
}

// The embedded project: one embedded PostgreSQL for the whole run. The external project: the
// server at UNIONHALL_TEST_DATABASE_URL (Debian's, started by .ci/run), reached over TCP with a
// password like any managed PostgreSQL; the template gets a name of its own, so that runs on one
// server do not meet.
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (project.name === EXTERNAL_PROJECT) return setupExternal(project);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'unionhall-test-'));
  chmodSync(dataDir, 0o711);
  const server = await startEmbeddedPostgres({ dataDir, database: TEMPLATE_DB, log: () => undefined });
  await runMigrations(server.connection);
  project.provide('pg', { host: server.socketDir, port: server.port, user: server.user, password: server.password, template: TEMPLATE_DB, externalUrl: null });
  return async () => {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}

async function setupExternal(project: TestProject): Promise<() => Promise<void>> {
  const url = process.env.UNIONHALL_TEST_DATABASE_URL;
  if (!url) throw new Error(`The ${EXTERNAL_PROJECT} project needs UNIONHALL_TEST_DATABASE_URL (see .ci/run).`);
  const parsed = new URL(url);
  const template = `uh_template_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${template}`);
  } finally {
    await admin.end();
  }
  await runMigrations({ connectionString: withDatabase(url, template) });
  project.provide('pg', {
    host: parsed.hostname,
    port: Number(parsed.port || 5432),
    user: decodeURIComponent(parsed.username),
    password: decodeURIComponent(parsed.password),
    template,
    externalUrl: url,
  });
  return async () => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
    } finally {
      await client.end();
    }
  };
}

/** The same server URL, on another database. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
