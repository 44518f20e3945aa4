// Runs the real `unionhall` command as a child process, for the slow tests under test/ops/: each
// one starts its own embedded PostgreSQL in its own DATA_DIR. Every child is tracked so that
// afterAll can kill it even when a test failed halfway.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';
import { withDatabase } from './global-setup.js';

const root = path.resolve(import.meta.dirname, '..', '..');
const bin = path.join(root, 'bin', 'unionhall.js');

// Variables the config reads: a developer's own settings must not leak into the child.
const CONFIG_VARIABLES = [
  'PORT', 'HOST', 'DATA_DIR', 'DATABASE_URL', 'PUBLIC_URL', 'SMTP_URL', 'MAIL_FROM', 'SESSION_SECRET', 'LOG_LEVEL', 'SESSION_IDLE_MINUTES', 'SESSION_ABSOLUTE_HOURS',
  'LOGIN_RATE_LIMIT_PER_MINUTE', 'CARD_FORM_RATE_LIMIT_PER_MINUTE', 'PETITION_IP_HOLD_PER_HOUR', 'PETITION_IP_LIMIT_PER_MINUTE', 'PETITION_EMAIL_LIMIT_PER_HOUR', 'TRUST_PROXY',
  'DATA_KEY', 'DATA_KEY_FILE', 'MAIL_REPLY_TO', 'DKIM_DOMAIN', 'DKIM_SELECTOR', 'DKIM_PRIVATE_KEY', 'DKIM_PRIVATE_KEY_FILE', 'API_KEY_RATE_LIMIT_PER_MINUTE',
  'DATABASE_POOL_SIZE', 'DATABASE_POOL_TIMEOUT_MS', 'DATABASE_STATEMENT_TIMEOUT_MS', 'REQUEST_HEADERS_TIMEOUT_MS', 'REQUEST_TIMEOUT_MS', 'SHUTDOWN_TIMEOUT_MS', 'ERROR_LOG_INTERVAL_SECONDS', 'METRICS_TOKEN',
];

const children = new Set<ChildProcess>();

// On the external project (a PostgreSQL server Unionhall did not start), every data folder a test
// makes gets a database of its own on that server, and the app is pointed at it with
// DATABASE_URL: the same tests then run the app as a managed-database install runs it.
const externalDatabases = new Map<string, { url: string; name: string }>();
const EXTERNAL_SECRET = 'ops-tests-shared-session-secret-0123456789';

/** The server's URL when the tests run on a PostgreSQL that Unionhall did not start; else null. */
export function externalServerUrl(): string | null {
  return inject('pg').externalUrl;
}

function psql(url: string, statement: string): void {
  const result = spawnSync('psql', ['--no-psqlrc', '--quiet', '--set', 'ON_ERROR_STOP=1', '--dbname', url, '--command', statement], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`psql failed: ${result.stderr || result.error?.message}`);
}

/**
 * A data folder the unprivileged embedded server can pass through (0711), as in production. On the
 * external project it also names a fresh, empty database on the external server.
 */
export function makeDataDir(label: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), `uh-${label}-`));
  chmodSync(dir, 0o711);
  const dataDir = path.join(dir, 'data');
  const server = externalServerUrl();
  if (server) {
    const name = `uh_ops_${label.replace(/[^a-z0-9]/gi, '_').toLowerCase().slice(0, 30)}_${randomBytes(4).toString('hex')}`;
    psql(server, `CREATE DATABASE ${name}`);
    externalDatabases.set(dataDir, { url: withDatabase(server, name), name });
  }
  return dataDir;
}

/** What the app needs to reach a data folder's database: the folder itself, or the external database standing for it. */
export function databaseEnv(dataDir: string): Record<string, string> {
  const external = externalDatabases.get(dataDir);
  return external ? { DATA_DIR: dataDir, DATABASE_URL: external.url, SESSION_SECRET: EXTERNAL_SECRET } : { DATA_DIR: dataDir };
}

export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

function childEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const base = { ...process.env };
  for (const name of CONFIG_VARIABLES) delete base[name];
  const database = env.DATA_DIR ? databaseEnv(env.DATA_DIR) : {};
  return { ...base, LOG_LEVEL: 'warn', ...database, ...env };
}

export type Running = {
  child: ChildProcess;
  pid: number;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
};

export function startUnionhall(args: string[], env: Record<string, string>): Running {
  const child = spawn(process.execPath, [bin, ...args], { cwd: root, env: childEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on('exit', (code, signal) => {
      children.delete(child);
      resolve({ code, signal });
    });
  });
  if (child.pid === undefined) throw new Error('could not start unionhall');
  return { child, pid: child.pid, stdout: () => stdout, stderr: () => stderr, exited };
}

/** Runs one CLI command to the end. */
export async function runCli(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const running = startUnionhall(args, env);
  const { code } = await running.exited;
  return { code, stdout: running.stdout(), stderr: running.stderr() };
}

/**
 * Waits until /readyz answers 200 (the database included) and this process has printed its banner
 * (it prints it once it listens and has made the first admin); fails early, with the output, if
 * the server exits. The banner matters: test files run side by side, and a port one of them was
 * given may have been given to another too, whose server would then answer in our stead.
 */
export async function waitForHealthy(running: Running, port: number, timeoutMs = 110_000): Promise<unknown> {
  let exited = false;
  void running.exited.then(() => (exited = true));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exited) throw new Error(`unionhall exited before it was healthy:\n${running.stderr()}\n${running.stdout()}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/readyz`);
      if (res.status === 200 && running.stdout().includes(' is running at ')) return await res.json();
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`unionhall was not healthy within ${timeoutMs} ms:\n${running.stderr()}`);
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
  // A stopped process nobody has reaped (a container whose first process does not reap) is a zombie: dead.
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

/** The postmaster's pid as its lock file says, or null when there is no lock file. */
export function postmasterPid(dataDir: string): number | null {
  const file = path.join(dataDir, 'postgres', 'postmaster.pid');
  if (!existsSync(file)) return null;
  const pid = Number(readFileSync(file, 'utf8').split('\n')[0]);
  return Number.isInteger(pid) && pid > 0 ? pid : null;
}

type Proc = { pid: number; ppid: number; cmdline: string };

function listProcesses(): Proc[] {
  const result: Proc[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8').replace(/\0/g, ' ').trim();
      // The command name in /proc/N/stat may hold spaces or parentheses; the fields after the last ')' do not.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      result.push({ pid: Number(entry), ppid, cmdline });
    } catch {
      // gone meanwhile
    }
  }
  return result;
}

/** Every PostgreSQL process serving this data folder: postmasters (by -D) and their children (none on the external server). */
export function postgresProcessesOf(dataDir: string): number[] {
  if (externalDatabases.has(dataDir)) return [];
  const processes = listProcesses();
  const masters = processes.filter((p) => p.cmdline.includes(`-D ${path.join(dataDir, 'postgres')}`)).map((p) => p.pid);
  const children = processes.filter((p) => masters.includes(p.ppid)).map((p) => p.pid);
  return [...masters, ...children];
}

/** Kills every child this module started and any PostgreSQL left on the given folders, then removes them. */
export async function cleanUp(dataDirs: string[]): Promise<void> {
  for (const child of children) child.kill('SIGKILL');
  for (const dataDir of dataDirs) {
    for (const pid of postgresProcessesOf(dataDir)) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  }
  await new Promise((resolve) => setTimeout(resolve, 200));
  for (const dataDir of dataDirs) {
    rmSync(path.dirname(dataDir), { recursive: true, force: true });
    const external = externalDatabases.get(dataDir);
    const server = externalServerUrl();
    if (external && server) {
      psql(server, `DROP DATABASE IF EXISTS ${external.name} WITH (FORCE)`);
      externalDatabases.delete(dataDir);
    }
  }
}
