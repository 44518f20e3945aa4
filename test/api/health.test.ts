import { readFileSync } from 'node:fs';
import net from 'node:net';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDb } from '../../src/db/client.js';
import { createServices } from '../../src/domain/create-services.js';
import { buildApp } from '../../src/http/build-app.js';
import { createCampaign } from '../support/factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { createTestDatabase } from '../support/test-database.js';

const version = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await createCampaign(t.database.db, { slug: 'health-demo', isDefault: true });
});
afterAll(async () => t.close());

/** The real app on a pool we can break, built like createTestApp does. */
async function appOnPool(pool: pg.Pool, extra?: (app: FastifyInstance) => void): Promise<FastifyInstance> {
  pool.on('error', () => undefined);
  const db = createDb(pool);
  const services = createServices({ db, config: t.config });
  const app = await buildApp({ config: t.config, db, services, logger: false });
  extra?.(app);
  await app.ready();
  return app;
}

/** A sign-in attempt, CSRF token and all: a request that must reach the database. */
async function attemptLogin(app: FastifyInstance) {
  const csrf = await app.inject({ method: 'GET', url: '/api/auth/csrf' });
  const token = (csrf.json() as { token: string }).token;
  const cookie = csrf.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  return app.inject({ method: 'POST', url: '/api/auth/login', headers: { cookie, 'x-csrf-token': token }, payload: { email: 'a@example.org', password: 'whatever' } });
}

/** A port on which nothing listens (bound, then released). */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('GET /healthz and /readyz', () => {
  it('answers 200 with the version when the database answers', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/healthz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', version });
    const ready = await t.app.inject({ method: 'GET', url: '/readyz' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: 'ready', database: 'up', version });
  });

  it('answers 503 once the database is gone (dropped under a running app)', async () => {
    const database = await createTestDatabase();
    const app = await appOnPool(database.pool);
    try {
      expect((await app.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200);
      const server = inject('pg');
      const admin = new pg.Client({ host: server.host, port: server.port, user: server.user, password: server.password, database: 'postgres' });
      await admin.connect();
      await admin.query(`DROP DATABASE ${database.name} WITH (FORCE)`);
      await admin.end();
      const res = await app.inject({ method: 'GET', url: '/readyz' });
      expect(res.statusCode).toBe(503);
      expect(res.json()).toEqual({ status: 'unavailable', database: 'down', draining: false, version });
      // Alive all the same: an orchestrator must not restart a process for its database's outage.
      expect((await app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
      const login = await attemptLogin(app);
      expect(login.statusCode).toBe(503);
      expect((login.json() as { error: { code: string } }).error.code).toBe('database_unavailable');
    } finally {
      await app.close();
      await database.pool.end().catch(() => undefined);
    }
  });

  it('answers 503 when the database server refuses connections, and API calls say so without detail', async () => {
    const pool = new pg.Pool({ host: '127.0.0.1', port: await closedPort(), user: 'nobody', password: 'x', database: 'nothing', connectionTimeoutMillis: 2000 });
    const app = await appOnPool(pool);
    try {
      const res = await app.inject({ method: 'GET', url: '/readyz' });
      expect(res.statusCode).toBe(503);
      expect(res.json()).toMatchObject({ status: 'unavailable', database: 'down' });

      // A request that needs the database: a clear 503 with a stable code, not a 500 or a stack.
      const login = await attemptLogin(app);
      expect(login.statusCode).toBe(503);
      expect(login.json()).toEqual({ error: { code: 'database_unavailable', message: expect.any(String) } });
      expect(login.body).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|select|\bat \w+ \(/i);
    } finally {
      await app.close();
      await pool.end().catch(() => undefined);
    }
  });

  it('answers 503 when the database accepts a connection but never answers', async () => {
    const sockets = new Set<net.Socket>();
    const silent = net.createServer((socket) => void sockets.add(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const pool = new pg.Pool({ host: '127.0.0.1', port: (silent.address() as net.AddressInfo).port, user: 'nobody', password: 'x', database: 'nothing' });
    const app = await appOnPool(pool);
    try {
      const res = await app.inject({ method: 'GET', url: '/readyz' });
      expect(res.statusCode).toBe(503);
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
      await app.close();
      await pool.end().catch(() => undefined);
    }
  });
});

describe('security headers', () => {
  const cspOf = (header: string | string[] | number | undefined): Map<string, string[]> =>
    new Map(
      String(header)
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .filter((parts) => parts[0])
        .map(([name, ...values]) => [name!, values]),
    );

  for (const url of ['/', '/c/health-demo', '/api/auth/csrf', '/healthz', '/api/no-such-thing']) {
    it(`are set on ${url}`, async () => {
      const res = await t.app.inject({ method: 'GET', url });
      const csp = cspOf(res.headers['content-security-policy']);
      expect(csp.get('script-src') ?? csp.get('default-src')).toEqual(["'self'"]);
      expect(csp.get('style-src')).toEqual(["'self'"]);
      expect(csp.get('script-src-attr')).toEqual(["'none'"]);
      expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
      expect(csp.get('object-src')).toEqual(["'none'"]);
      expect(String(res.headers['content-security-policy'])).not.toContain('unsafe-inline');
      expect(String(res.headers['content-security-policy'])).not.toContain('unsafe-eval');
      expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('same-origin');
      expect(res.headers['cross-origin-opener-policy']).toBe('same-origin');
      expect(res.headers['x-powered-by']).toBeUndefined();
      // Plain http (the local default): no HSTS, which would break http://localhost afterwards.
      expect(res.headers['strict-transport-security']).toBeUndefined();
    });
  }

  it('adds HSTS and Secure cookies behind an https public URL', async () => {
    const secure = await createTestApp({ config: { publicUrl: 'https://union.example.org' } });
    try {
      const res = await secure.app.inject({ method: 'GET', url: '/api/auth/csrf' });
      expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/);
      expect(res.cookies.find((c) => c.name === 'uh_csrf')).toMatchObject({ secure: true, httpOnly: true });
    } finally {
      await secure.close();
    }
  });

  it('serve a public page with no inline script or style for the CSP to block', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/' });
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/i);
    expect(res.body).not.toMatch(/\sstyle=/i);
    expect(res.body).not.toMatch(/<style/i);
  });
});

describe('errors', () => {
  it('answers an unknown API route with a 404 JSON error', async () => {
    for (const url of ['/api/nothing-here', '/api/campaigns']) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(404);
      expect(res.headers['content-type']).toContain('application/json');
      expect((res.json() as { error: { code: string } }).error.code).toBe('not_found');
    }
  });

  it('answers an unknown page with a 404 page in the visitor’s language', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/nothing-here?x=1', headers: { 'accept-language': 'es' } });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain('<html lang="es">');
    expect(res.body).toContain('Página no encontrada');
  });

  it('answers an unknown write with 404 too, not a CSRF error or a crash', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/nothing-here', payload: { a: 1 } });
    expect(res.statusCode).toBe(404);
    expect((res.json() as { error: { code: string } }).error.code).toBe('not_found');
  });

  it('answers an unexpected failure with a 500 that carries no stack, SQL or message', async () => {
    const database = await createTestDatabase();
    const app = await appOnPool(database.pool, (a) => {
      a.get('/api/test-explode', async () => {
        throw new Error('relation "secret_table" does not exist: SELECT given_name FROM people');
      });
    });
    try {
      const res = await app.inject({ method: 'GET', url: '/api/test-explode' });
      expect(res.statusCode).toBe(500);
      expect(res.json()).toEqual({ error: { code: 'internal', message: expect.any(String) } });
      expect(res.body).not.toMatch(/secret_table|given_name|SELECT|\.ts:\d+|\bat \w+/);
    } finally {
      await app.close();
      await database.drop();
    }
  });
});
