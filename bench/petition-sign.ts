// Benchmark: the OSDI record-signature helper under 50 concurrent connections, against a bare
// node:http server answering the same POST with the same bytes, in the same run. Every signature
// acknowledged with a 2xx is then looked up in the database: speed that loses data does not count.
//
//   npx tsx bench/petition-sign.ts            (standalone)
//   import { name, run } from './petition-sign.js'   (from a harness)
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { startEmbeddedPostgres } from '../src/db/embedded-postgres.js';
import { runLoad } from './load.js';

export const name = 'petition sign (OSDI, 50 conns)';

const CONNECTIONS = 50;
const WARMUP_MS = 3_000;
const DURATION_MS = 10_000;
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function freePort(): number {
  return 31000 + Math.floor(Math.random() * 2000);
}

async function waitFor(url: string, timeoutMs: number, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

// Same status line, headers and body as the app's answer; only the Date header is live.
const BARE_SERVER = `
import http from 'node:http';
const headers = JSON.parse(process.env.BARE_HEADERS);
const body = Buffer.from(process.env.BARE_BODY);
http.createServer((req, res) => {
  req.on('data', () => {});
  req.on('end', () => { res.writeHead(200, headers); res.end(body); });
}).listen(Number(process.env.PORT), '127.0.0.1', () => process.stdout.write('ready\\n'));
`;

function signatureRequest(port: number, petitionId: string, runId: string) {
  return (i: number): Buffer => {
    const body = JSON.stringify({
      person: { given_name: 'Bench', family_name: `Signer${i}`, email_addresses: [{ address: `bench-${runId}-${i}@bench.example` }], postal_addresses: [{ postal_code: '90011' }] },
      comments: 'Benchmark signature',
    });
    return Buffer.from(
      `POST /api/v1/petitions/${petitionId}/signatures HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    );
  };
}

export async function run(): Promise<string> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'uh-bench-petition-'));
  chmodSync(dataDir, 0o711);
  const appPort = freePort();
  const barePort = appPort + 1;
  const env = {
    ...process.env,
    PORT: String(appPort),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    DATABASE_URL: '',
    PETITION_IP_HOLD_PER_HOUR: '10000000',
    PETITION_IP_LIMIT_PER_MINUTE: '10000000',
    PETITION_EMAIL_LIMIT_PER_HOUR: '10000000',
  };
  const app = spawn(process.execPath, [path.join(root, 'bin/unionhall.js'), 'serve'], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  let bare: ChildProcess | undefined;
  try {
    await waitFor(`http://127.0.0.1:${appPort}/healthz`, 180_000, app);
    const list = (await (await fetch(`http://127.0.0.1:${appPort}/api/v1/petitions`)).json()) as { _embedded: { 'osdi:petitions': { identifiers: string[] }[] } };
    const petitionId = list._embedded['osdi:petitions'][0]?.identifiers[0]?.replace('unionhall:', '');
    if (!petitionId) throw new Error('no published petition (is the demo loaded?)');

    // The bare server answers with exactly the bytes the app sends.
    const probe = await fetch(`http://127.0.0.1:${appPort}/api/v1/petitions/${petitionId}/signatures`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ person: { given_name: 'Probe', family_name: 'Probe', email_addresses: [{ address: 'probe@bench.example' }] } }),
    });
    const probeBody = await probe.text();
    const headers: Record<string, string> = {};
    probe.headers.forEach((v, k) => {
      if (!['date', 'connection', 'keep-alive', 'transfer-encoding'].includes(k)) headers[k] = v;
    });
    bare = spawn(process.execPath, ['--input-type=module', '-e', BARE_SERVER], { env: { ...process.env, PORT: String(barePort), BARE_HEADERS: JSON.stringify(headers), BARE_BODY: probeBody }, stdio: ['ignore', 'pipe', 'inherit'] });
    await waitFor(`http://127.0.0.1:${barePort}/`, 10_000, bare);

    const runId = Date.now().toString(36);
    const acknowledged = new Set<number>();
    const bareRequest = signatureRequest(barePort, petitionId, `${runId}-bare`);
    await runLoad({ port: barePort, connections: CONNECTIONS, durationMs: WARMUP_MS / 3, request: bareRequest });
    const bareResult = await runLoad({ port: barePort, connections: CONNECTIONS, durationMs: DURATION_MS, request: bareRequest });

    await runLoad({ port: appPort, connections: CONNECTIONS, durationMs: WARMUP_MS, request: signatureRequest(appPort, petitionId, `${runId}-warm`) });
    const appResult = await runLoad({ port: appPort, connections: CONNECTIONS, durationMs: DURATION_MS, request: signatureRequest(appPort, petitionId, runId), onOk: (i) => acknowledged.add(i) });

    // Durability: every acknowledged signature is in the database (read while the server runs).
    const server = await startEmbeddedPostgres({ dataDir, database: 'unionhall', log: () => undefined });
    const client = new pg.Client(server.connection);
    await client.connect();
    const { rows } = await client.query<{ email: string }>("select email from petition_signatures where email like $1", [`bench-${runId}-%`]);
    await client.end();
    const stored = new Set(rows.map((r) => Number(r.email.slice(`bench-${runId}-`.length).split('@')[0])));
    const missing = [...acknowledged].filter((i) => !stored.has(i)).length;

    const ratio = appResult.rps / bareResult.rps;
    const line =
      `${name}: ${Math.round(appResult.rps)} req/s, p99 ${appResult.p99.toFixed(1)} ms ` +
      `(${ratio.toFixed(2)}× bare node:http ${Math.round(bareResult.rps)} req/s, p99 ${bareResult.p99.toFixed(1)} ms); ` +
      `${appResult.ok} acknowledged, ${missing} missing from the database, non-2xx ${appResult.requests - appResult.ok}`;
    process.stdout.write(`${line}\n`);
    if (missing > 0) throw new Error(`${missing} acknowledged signatures are not in the database`);
    return line;
  } finally {
    if (bare) await stop(bare);
    await stop(app);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  run().catch((err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
    process.exit(1);
  });
}
