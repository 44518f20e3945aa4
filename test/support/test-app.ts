import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { loadConfig, type Config } from '../../src/config.js';
import { createServices, type Services } from '../../src/domain/create-services.js';
import { buildApp } from '../../src/http/build-app.js';
import type { Mailer } from '../../src/mail/create-mailer.js';
import { relaxSecondFactorRequirement } from './second-factor-requirement.js';
import { registerKeyring } from './keyrings.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

export type TestApp = {
  app: FastifyInstance;
  database: TestDatabase;
  services: Services;
  config: Config;
  clock: { now: Date; advanceMinutes: (m: number) => void };
  agent: () => Agent;
  close: () => Promise<void>;
};

/**
 * The real app on a fresh database, with a controllable clock (for expiry tests). The second
 * factor the migration requires of admins and organizers is off unless `secondFactorRequired`.
 */
export async function createTestApp(options: { config?: Partial<Config>; mailer?: Mailer; secondFactorRequired?: boolean } = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  if (!options.secondFactorRequired) await relaxSecondFactorRequirement(database.db);
  const config = loadConfig({}, { dataDir: mkdtempSync(path.join(os.tmpdir(), 'uh-cfg-')), sessionSecret: 'test-secret-test-secret-test-secret-123', logLevel: 'silent', loginRateLimitPerMinute: 1000, ...options.config });
  const clock = {
    now: new Date(),
    advanceMinutes(m: number) {
      clock.now = new Date(clock.now.getTime() + m * 60_000);
    },
  };
  const services = createServices({ db: database.db, config, now: () => clock.now, mailer: options.mailer });
  registerKeyring(database.db, services.keyring);
  const app = await buildApp({ config, db: database.db, services, logger: false });
  await app.ready();
  return {
    app,
    database,
    services,
    config,
    clock,
    agent: () => new Agent(app),
    close: async () => {
      // The mailer keeps pooled SMTP connections open: close them, as the runtime does at shutdown.
      services.mailer.close();
      await app.close();
      await database.drop();
      rmSync(config.dataDir, { recursive: true, force: true });
    },
  };
}

/** A browser-like client: keeps cookies and sends the CSRF token on writes. */
export class Agent {
  private cookies = new Map<string, string>();
  private csrf: string | null = null;
  constructor(private readonly app: FastifyInstance) {}

  async request(options: InjectOptions & { method: string; url: string; withCsrf?: boolean }): Promise<LightMyRequestResponse> {
    const unsafe = !['GET', 'HEAD', 'OPTIONS'].includes(options.method.toUpperCase());
    if (unsafe && options.withCsrf !== false && !this.csrf) await this.fetchCsrf();
    const headers: Record<string, string> = { ...(options.headers as Record<string, string> | undefined) };
    if (this.cookies.size > 0) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (unsafe && options.withCsrf !== false && this.csrf) headers['x-csrf-token'] = this.csrf;
    const response = await this.app.inject({ ...options, headers });
    for (const cookie of response.cookies as { name: string; value: string; maxAge?: number; expires?: Date }[]) {
      const expired = cookie.maxAge === 0 || (cookie.expires !== undefined && cookie.expires.getTime() <= Date.now()) || cookie.value === '';
      if (expired) this.cookies.delete(cookie.name);
      else this.cookies.set(cookie.name, cookie.value);
    }
    return response;
  }

  async fetchCsrf(): Promise<string> {
    const response = await this.request({ method: 'GET', url: '/api/auth/csrf' });
    this.csrf = (response.json() as { token: string }).token;
    return this.csrf;
  }

  get = (url: string) => this.request({ method: 'GET', url });
  post = (url: string, payload?: unknown) => this.request({ method: 'POST', url, payload: payload as InjectOptions['payload'] });
  put = (url: string, payload?: unknown) => this.request({ method: 'PUT', url, payload: payload as InjectOptions['payload'] });

  async login(email: string, password: string): Promise<LightMyRequestResponse> {
    const response = await this.post('/api/auth/login', { email, password });
    if (response.statusCode !== 200) throw new Error(`login failed: ${response.statusCode} ${response.body}`);
    return response;
  }

  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }
}
