import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { boot, type Runtime } from '../../src/bootstrap.js';
import { loadConfig, type Config } from '../../src/config.js';

type Cleanups = Array<() => Promise<void> | void>;

/**
 * The million-row benchmarks' own app: an embedded PostgreSQL in a fresh temporary folder (removed
 * at the end), no demo, and a sign-in limit the benchmark's own sign-ins never reach.
 */
export async function bootMillionRowRuntime(name: string, cleanups: Cleanups, log: (m: string) => void): Promise<{ config: Config; runtime: Runtime }> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), `unionhall-bench-${name}-`));
  // The embedded server runs as a non-root user, which must reach its folder inside this one.
  chmodSync(dataDir, 0o711);
  cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
  const config = loadConfig({}, { dataDir, port: 0, host: '127.0.0.1', logLevel: 'warn', loginRateLimitPerMinute: 1000 });
  log(`Starting an embedded PostgreSQL in ${dataDir}…`);
  const runtime = await boot(config, { demo: false, log: () => undefined });
  cleanups.push(() => runtime.close());
  return { config, runtime };
}

/** Signs in through the real routes (CSRF token first) and returns the session's cookie header. */
export async function signInThroughApp(app: FastifyInstance, email: string, password: string): Promise<string> {
  const csrf = await app.inject({ method: 'GET', url: '/api/auth/csrf' });
  const csrfCookie = csrf.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const login = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    headers: { cookie: csrfCookie, 'x-csrf-token': (csrf.json() as { token: string }).token },
    payload: { email, password },
  });
  if (login.statusCode !== 200) throw new Error(`sign-in failed: ${login.statusCode} ${login.body}`);
  return login.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
}
