import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanUp, freePort, isAlive, makeDataDir, postgresProcessesOf, postmasterPid, startUnionhall, waitForHealthy, type Running } from '../support/unionhall-process.js';

// The real server, as `npm start` runs it, on its own embedded PostgreSQL. The tests run in order
// on one data folder: first start, crash, recovery, then a clean stop by each signal.

const version = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
let dataDir: string;
let port: number;
let server: Running | undefined;

const serve = (): Running => startUnionhall(['serve'], { PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'warn' });

beforeAll(async () => {
  dataDir = makeDataDir('crash');
  port = await freePort();
});
afterAll(async () => cleanUp([dataDir]), 60_000);

describe('crash recovery', () => {
  it('starts on an empty folder: initdb, demo, first-admin link, healthy', { timeout: 150_000 }, async () => {
    server = serve();
    expect(await waitForHealthy(server, port)).toEqual({ status: 'ready', database: 'up', version });
    const home = await fetch(`http://127.0.0.1:${port}/`);
    expect(home.status).toBe(200);
    expect(await home.text()).toContain('Where we stand');
    // The banner is printed after listen(); give it the moment it needs.
    for (let i = 0; i < 50 && !server.stdout().includes('Press Ctrl-C'); i++) await new Promise((r) => setTimeout(r, 100));
    expect(server.stdout()).toMatch(/\/app\/welcome\?token=[\w-]+/);
    expect(postmasterPid(dataDir)).not.toBeNull();
  });

  it('after kill -9 of Node, the next start finds the orphaned PostgreSQL, stops it and comes up', { timeout: 150_000 }, async () => {
    const crashed = server!;
    const orphan = postmasterPid(dataDir)!;
    crashed.child.kill('SIGKILL');
    expect((await crashed.exited).signal).toBe('SIGKILL');
    // The scenario is real: PostgreSQL outlived Node and still holds the folder.
    expect(isAlive(orphan)).toBe(true);
    expect(postmasterPid(dataDir)).toBe(orphan);

    server = serve();
    expect(await waitForHealthy(server, port)).toMatchObject({ status: 'ready' });
    expect(server.stderr()).toContain(`Found a PostgreSQL server (pid ${orphan}) left running by an earlier crash; stopping it.`);
    const fresh = postmasterPid(dataDir)!;
    expect(fresh).not.toBeNull();
    // The old postmaster is gone (or, improbably, its pid now belongs to the new one).
    expect(fresh === orphan || !isAlive(orphan)).toBe(true);
    // One server for the folder, not two.
    expect(postgresProcessesOf(dataDir).filter((pid) => pid === orphan || pid === fresh)).toEqual([fresh]);
    // The data survived: the demo is still there and was not loaded twice.
    expect(server.stderr()).not.toContain('loading the demo');
    expect(await (await fetch(`http://127.0.0.1:${port}/`)).text()).toContain('Where we stand');
  });

  it('while PostgreSQL hangs, Node stays up, answers 503 within its time limits and logs no personal data', { timeout: 90_000 }, async () => {
    // A frozen server (stopped, not dead: the app cannot tell it to restart) is the worst case for
    // time limits: nothing answers, nothing fails. Restart with short limits to keep the test short.
    server!.child.kill('SIGTERM');
    await server!.exited;
    server = startUnionhall(['serve'], { PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'warn', DATABASE_POOL_TIMEOUT_MS: '1500', DATABASE_STATEMENT_TIMEOUT_MS: '1500' });
    await waitForHealthy(server, port);
    const running = server;
    const csrf = await fetch(`http://127.0.0.1:${port}/api/auth/csrf`);
    const { token } = (await csrf.json()) as { token: string };
    const cookie = csrf.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');

    const processes = postgresProcessesOf(dataDir);
    const signal = (sig: NodeJS.Signals) => {
      for (const pid of processes) {
        try {
          process.kill(pid, sig);
        } catch {
          // exited meanwhile
        }
      }
    };
    signal('SIGSTOP');
    try {
      const ready = await fetch(`http://127.0.0.1:${port}/readyz`);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toMatchObject({ status: 'unavailable', database: 'down' });
      // Liveness is about the process, which is fine.
      expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);

      const login = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': token, cookie },
        body: JSON.stringify({ email: 'private.person@example.org', password: 'their secret password' }),
      });
      expect(login.status).toBe(503);
      expect(((await login.json()) as { error: { code: string } }).error.code).toBe('database_unavailable');
      // A public page says so in HTML.
      const home = await fetch(`http://127.0.0.1:${port}/news`);
      expect(home.status).toBe(503);
      expect(home.headers.get('content-type')).toContain('text/html');
    } finally {
      signal('SIGCONT');
    }
    expect(running.child.exitCode).toBeNull();
    // The failure is logged (pino writes asynchronously: give the line a moment)…
    for (let i = 0; i < 50 && !/request failed/.test(running.stdout() + running.stderr()); i++) await new Promise((r) => setTimeout(r, 100));
    const output = running.stdout() + running.stderr();
    expect(output).toMatch(/request failed/);
    expect(output).not.toContain('private.person'); // …but not who tried to sign in
    expect(output).not.toContain('their secret password');
    // Thawed, the server answers again without a restart.
    await waitForHealthy(running, port, 30_000);
  });

  it('after Node and PostgreSQL were both killed (a stale lock file), the next start recovers', { timeout: 150_000 }, async () => {
    const crashed = server!;
    const processes = postgresProcessesOf(dataDir);
    crashed.child.kill('SIGKILL');
    await crashed.exited;
    for (const pid of processes) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // a backend that had exited meanwhile
      }
    }
    for (let i = 0; i < 50 && processes.some(isAlive); i++) await new Promise((r) => setTimeout(r, 100));
    expect(postgresProcessesOf(dataDir).filter(isAlive)).toEqual([]);
    expect(existsSync(path.join(dataDir, 'postgres', 'postmaster.pid'))).toBe(true);

    server = serve();
    expect(await waitForHealthy(server, port)).toMatchObject({ status: 'ready' });
    expect(await (await fetch(`http://127.0.0.1:${port}/`)).text()).toContain('Where we stand');
  });

  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`${signal} stops Node and PostgreSQL cleanly`, { timeout: 150_000 }, async () => {
      if (!server || server.child.exitCode !== null) {
        server = serve();
        await waitForHealthy(server, port);
      }
      const running = server;
      const postmaster = postmasterPid(dataDir)!;
      const processes = postgresProcessesOf(dataDir);
      expect(processes).toContain(postmaster);
      expect(processes.length).toBeGreaterThan(1); // the postmaster and its helpers

      running.child.kill(signal);
      const exit = await running.exited;
      expect(exit).toEqual({ code: 0, signal: null });
      expect(running.stderr()).toContain(`${signal}: stopping Unionhall`);
      // By the time Node has exited, PostgreSQL has too, and shut down cleanly (lock file removed).
      expect(isAlive(postmaster)).toBe(false);
      expect(processes.filter(isAlive)).toEqual([]);
      expect(postgresProcessesOf(dataDir)).toEqual([]);
      expect(existsSync(path.join(dataDir, 'postgres', 'postmaster.pid'))).toBe(false);
      expect(existsSync(path.join(dataDir, 'unionhall.pid'))).toBe(false);
      const log = readFileSync(path.join(dataDir, 'postgres.log'), 'utf8');
      expect(log.trimEnd().split('\n').at(-1)).toMatch(/database system is shut down/);
      server = undefined;
    });
  }
});
