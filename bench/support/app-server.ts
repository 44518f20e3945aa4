import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { boot, type Runtime } from '../../src/bootstrap.js';
import { loadConfig, type Config } from '../../src/config.js';
import { buildApp } from '../../src/http/build-app.js';
import type { BenchContext } from '../types.js';

export type BenchApp = { url: string; runtime: Runtime };

/**
 * The real app, as `unionhall serve` builds it, on its own embedded PostgreSQL in a temporary data
 * folder, listening on loopback. Everything is undone by the context's clean-ups.
 */
export async function startBenchApp(context: BenchContext, overrides: Partial<Config> = {}): Promise<BenchApp> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'unionhall-bench-'));
  // When run as root the server runs as `nobody`, which must be able to enter the folder.
  chmodSync(dataDir, 0o711);
  context.defer(() => rmSync(dataDir, { recursive: true, force: true }));

  // No DATABASE_URL: always the embedded server, whatever the caller's environment says.
  // Log level warn: per-request info lines would measure the terminal, not the app.
  const config = loadConfig({}, { dataDir, port: 0, host: '127.0.0.1', logLevel: 'warn', ...overrides });
  context.log(`Starting the embedded PostgreSQL in ${dataDir}…`);
  const runtime = await boot(config, { demo: false, log: () => undefined });
  context.defer(() => runtime.close());

  const app = await buildApp({ config, db: runtime.database.db, services: runtime.services });
  context.defer(() => app.close());
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, runtime };
}
