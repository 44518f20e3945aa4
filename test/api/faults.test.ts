// The app when the database misbehaves: connections that die inside a transaction, a server that
// goes away, statements that run too long, a pool with no free connection, and clients that send
// too slowly. Every case is a clean 503 (or 408), the process carries on, and the log says it once.
import net from 'node:net';
import { Writable } from 'node:stream';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Config } from '../../src/config.js';
import { createDb } from '../../src/db/client.js';
import { isDatabaseUnavailable } from '../../src/db/database-errors.js';
import { createPool } from '../../src/db/open-database.js';
import { createServices } from '../../src/domain/create-services.js';
import { buildApp } from '../../src/http/build-app.js';
import { createCampaign } from '../support/factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await createCampaign(t.database.db, { slug: 'faults-demo', isDefault: true });
});
afterAll(async () => t.close());

const limits = (overrides: Partial<Config> = {}): Config => ({ ...t.config, databasePoolSize: 4, databasePoolTimeoutMs: 2000, databaseStatementTimeoutMs: 30_000, ...overrides });

/** Ends one server session from outside, as a restart or an operator would. */
async function terminate(pid: number): Promise<void> {
  const server = inject('pg');
  const admin = new pg.Client({ host: server.host, port: server.port, user: server.user, password: server.password, database: 'postgres' });
  await admin.connect();
  try {
    await admin.query('select pg_terminate_backend($1)', [pid]);
  } finally {
    await admin.end();
  }
}

/** The real app on the real pool (createPool, as `serve` builds it), with the log captured. */
async function appOn(database: TestDatabase, config: Config, extra?: (app: FastifyInstance) => void) {
  const lines: string[] = [];
  const pool = createPool(database.connection, config, (m) => lines.push(m));
  const db = createDb(pool);
  const services = createServices({ db, config });
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  const app = await buildApp({ config: { ...config, logLevel: 'error' }, db, services, logStream: stream });
  extra?.(app);
  await app.ready();
  return { app, pool, db, lines, close: async () => {
    await app.close();
    await pool.end().catch(() => undefined);
  } };
}

describe('a connection that dies while it is in use', () => {
  it('fails the transaction with a "database unavailable" error, and the process lives on', async () => {
    const database = await createTestDatabase();
    const lines: string[] = [];
    const pool = createPool(database.connection, limits(), (m) => lines.push(m));
    const db = createDb(pool);
    try {
      const outcome = await db
        .transaction(async (tx) => {
          const { rows } = await tx.execute<{ pid: number }>(sql`select pg_backend_pid() as pid`);
          await terminate(rows[0]!.pid);
          // The server closed the socket while no query was running: the client emits 'error'
          // with nobody awaiting it. Without a listener on every client, that ends the process.
          await new Promise((r) => setTimeout(r, 200));
          await tx.execute(sql`select 1`);
        })
        .then(
          () => 'committed',
          (err: unknown) => err,
        );
      expect(outcome).not.toBe('committed');
      expect(isDatabaseUnavailable(outcome)).toBe(true);
      // The pool dropped the dead client and serves the next caller with a fresh one.
      expect((await db.execute<{ n: number }>(sql`select 1 as n`)).rows[0]?.n).toBe(1);
      expect(lines.join('\n')).toMatch(/Lost a database connection/);
    } finally {
      await pool.end();
      await database.drop();
    }
  });

  it('answers 503 to a request whose connection is cut mid-query, and the next request works', async () => {
    const database = await createTestDatabase();
    const running = await appOn(database, limits(), (app) => {
      app.get('/api/test-slow', async () => {
        await running.db.execute(sql`select pg_sleep(5)`);
        return { ok: true };
      });
    });
    try {
      const slow = running.app.inject({ method: 'GET', url: '/api/test-slow' });
      // Wait for the query to be on the server, then end its session.
      let pid: number | undefined;
      for (let i = 0; i < 100 && pid === undefined; i++) {
        const { rows } = await database.pool.query<{ pid: number }>("select pid from pg_stat_activity where query like '%pg_sleep(5)%' and pid <> pg_backend_pid()");
        pid = rows[0]?.pid;
        if (pid === undefined) await new Promise((r) => setTimeout(r, 50));
      }
      await terminate(pid!);
      const res = await slow;
      expect(res.statusCode).toBe(503);
      expect(res.headers['retry-after']).toBeDefined();
      expect((res.json() as { error: { code: string } }).error.code).toBe('database_unavailable');
      expect((await running.app.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200);
    } finally {
      await running.close();
      await database.drop();
    }
  });
});

describe('errors that mean "the database is down"', () => {
  it('include EPIPE, lost sockets, shutdowns, statement timeouts and a full pool, not bugs', () => {
    const drizzleWrapped = (cause: unknown) => Object.assign(new Error('Failed query: select 1\nparams: '), { cause });
    for (const err of [
      Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }),
      Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }),
      Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }),
      Object.assign(new Error('canceling statement due to statement timeout'), { code: '57014' }),
      new Error('Connection terminated unexpectedly'),
      new Error('Client has encountered a connection error and is not queryable'),
      new Error('timeout exceeded when trying to connect'),
      drizzleWrapped(Object.assign(new Error('write EPIPE'), { code: 'EPIPE' })),
    ]) {
      expect(isDatabaseUnavailable(err), err.message).toBe(true);
    }
    for (const err of [new Error('relation "x" does not exist'), Object.assign(new Error('duplicate key'), { code: '23505' }), new TypeError('x is undefined')]) {
      expect(isDatabaseUnavailable(err), err.message).toBe(false);
    }
  });
});

describe('bounded waits', () => {
  it('cancels a statement that runs past the statement timeout, with a 503', async () => {
    const database = await createTestDatabase();
    const running = await appOn(database, limits({ databaseStatementTimeoutMs: 300 }), (app) => {
      app.get('/api/test-sleep', async () => {
        await running.db.execute(sql`select pg_sleep(3)`);
        return { ok: true };
      });
    });
    try {
      const res = await running.app.inject({ method: 'GET', url: '/api/test-sleep' });
      expect(res.statusCode).toBe(503);
      expect((res.json() as { error: { code: string } }).error.code).toBe('database_unavailable');
    } finally {
      await running.close();
      await database.drop();
    }
  });

  it('gives up waiting for a connection when the pool is full, with a 503', async () => {
    const database = await createTestDatabase();
    const running = await appOn(database, limits({ databasePoolSize: 2, databasePoolTimeoutMs: 300 }));
    const held = [await running.pool.connect(), await running.pool.connect()];
    try {
      const res = await running.app.inject({ method: 'GET', url: '/readyz' });
      expect(res.statusCode).toBe(503);
      const page = await running.app.inject({ method: 'GET', url: '/' });
      expect(page.statusCode).toBe(503);
    } finally {
      for (const client of held) client.release();
      await running.close();
      await database.drop();
    }
  });

  it('cuts off a client that sends its request too slowly (408), headers or body', async () => {
    const database = await createTestDatabase();
    const running = await appOn(database, limits({ requestHeadersTimeoutMs: 500, requestTimeoutMs: 1000 }));
    await running.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = running.app.server.address() as net.AddressInfo;
    /** Sends `first`, then trickles a byte every 100 ms; resolves with what the server answered once it closed the socket. */
    const trickle = (first: string) =>
      new Promise<string>((resolve, reject) => {
        const socket = net.connect(port, '127.0.0.1');
        let answer = '';
        const drip = setInterval(() => socket.write('a'), 100);
        const giveUp = setTimeout(() => {
          clearInterval(drip);
          socket.destroy();
          reject(new Error('the server kept a trickling client for 10 s'));
        }, 10_000);
        socket.on('data', (d: Buffer) => (answer += d.toString()));
        socket.on('error', () => undefined);
        socket.on('close', () => {
          clearInterval(drip);
          clearTimeout(giveUp);
          resolve(answer);
        });
        socket.write(first);
      });
    try {
      expect(await trickle('GET / HTTP/1.1\r\nHost: x\r\nX-Slow: ')).toMatch(/^HTTP\/1\.1 408/);
      expect(await trickle('POST /api/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nContent-Length: 100000\r\n\r\n')).toMatch(/^HTTP\/1\.1 408/);
    } finally {
      await running.close();
      await database.drop();
    }
  });
});

describe('during an outage', () => {
  it('logs the same failure once per interval with a count, not once per request', async () => {
    const database = await createTestDatabase();
    const running = await appOn(database, limits({ errorLogIntervalSeconds: 60 }));
    try {
      const server = inject('pg');
      const admin = new pg.Client({ host: server.host, port: server.port, user: server.user, password: server.password, database: 'postgres' });
      await admin.connect();
      await admin.query(`DROP DATABASE ${database.name} WITH (FORCE)`);
      await admin.end();
      for (let i = 0; i < 30; i++) expect((await running.app.inject({ method: 'GET', url: '/c/faults-demo' })).statusCode).toBe(503);
      await running.app.close(); // reports the counts still held
      const failures = running.lines.filter((l) => l.includes('request failed')).map((l) => JSON.parse(l) as { repeats?: number });
      // Each kind of failure once at once, then once with its count: 30 failures, a few lines.
      expect(failures.length).toBeLessThanOrEqual(4);
      expect(failures.reduce((n, f) => n + (f.repeats ?? 1), 0)).toBe(30);
    } finally {
      await running.pool.end().catch(() => undefined);
      await database.pool.end().catch(() => undefined);
    }
  });

  it('answers a public page with an HTML page in the visitor’s language, and the API with JSON', async () => {
    const pool = new pg.Pool({ host: '127.0.0.1', port: 1, user: 'nobody', password: 'x', database: 'nothing', connectionTimeoutMillis: 500 });
    pool.on('error', () => undefined);
    const db = createDb(pool);
    const app = await buildApp({ config: t.config, db, services: createServices({ db, config: t.config }), logger: false });
    try {
      for (const url of ['/', '/c/faults-demo/news', '/petition/anything']) {
        const page = await app.inject({ method: 'GET', url, headers: { 'accept-language': 'es-MX,es;q=0.9' } });
        expect(page.statusCode, url).toBe(503);
        expect(page.headers['content-type']).toContain('text/html');
        expect(page.body).toContain('<html lang="es">');
        expect(page.body).toContain('Volvemos enseguida');
        expect(page.body).not.toMatch(/ECONNREFUSED|127\.0\.0\.1/);
      }
      const api = await app.inject({ method: 'GET', url: '/api/v1/petitions' });
      expect(api.statusCode).toBe(503);
      // The OSDI API adds OSDI's error resource beside our own error object (decision 0029).
      expect(api.json()).toMatchObject({ response_code: 503, error: { code: 'database_unavailable', message: expect.any(String) } });
    } finally {
      await app.close();
      await pool.end().catch(() => undefined);
    }
  });
});

describe('/metrics', () => {
  it('reports request counts and latencies by route, the pool and the outbox, in the Prometheus format', async () => {
    await t.app.inject({ method: 'GET', url: '/readyz' });
    const res = await t.app.inject({ method: 'GET', url: '/metrics' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/plain');
    expect(res.body).toMatch(/unionhall_http_requests_total\{method="GET",route="\/readyz",status="200"\} \d+/);
    expect(res.body).toContain('unionhall_http_request_duration_seconds_bucket');
    expect(res.body).toMatch(/unionhall_db_pool_connections\{state="total"\} \d+/);
    expect(res.body).toMatch(/unionhall_mail_outbox_messages\{state="pending"\} \d+/);
    expect(res.body).toMatch(/unionhall_mail_attempts_total\{outcome="failed"\} \d+/);
    expect(res.body).toContain('unionhall_database_up 1');
  });

  it('asks for the token when one is configured', async () => {
    const guarded = await createTestApp({ config: { metricsToken: 'm'.repeat(24) } });
    try {
      expect((await guarded.app.inject({ method: 'GET', url: '/metrics' })).statusCode).toBe(401);
      expect((await guarded.app.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${'m'.repeat(24)}` } })).statusCode).toBe(200);
    } finally {
      await guarded.close();
    }
  });
});
