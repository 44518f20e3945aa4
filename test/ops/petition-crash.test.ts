// Every signature answered with 200 is on disk: the server is killed with SIGKILL in the middle of
// a stream of signatures, restarted on the same data folder (it recovers the orphaned PostgreSQL
// itself), and every acknowledged signature must be there.
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { startEmbeddedPostgres } from '../../src/db/embedded-postgres.js';

const root = path.resolve(import.meta.dirname, '..', '..');
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'uh-petition-crash-'));
chmodSync(dataDir, 0o711);
const port = 34000 + Math.floor(Math.random() * 2000);
const base = `http://127.0.0.1:${port}`;
const children: ChildProcess[] = [];

function startServer(): ChildProcess {
  const child = spawn(process.execPath, [path.join(root, 'bin/unionhall.js'), 'serve'], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      DATABASE_URL: '',
      LOG_LEVEL: 'warn',
      PETITION_IP_HOLD_PER_HOUR: '10000000',
      PETITION_IP_LIMIT_PER_MINUTE: '10000000',
      PETITION_EMAIL_LIMIT_PER_HOUR: '10000000',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (c: Buffer) => {
    stderr = (stderr + c.toString()).slice(-4000);
  });
  child.once('exit', (code, signal) => {
    if (code !== 0 && signal !== 'SIGKILL' && signal !== 'SIGTERM') process.stderr.write(`server exited ${code ?? signal}: ${stderr}\n`);
  });
  children.push(child);
  return child;
}

async function waitHealthy(child: ChildProcess): Promise<void> {
  for (let i = 0; i < 900; i++) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${base}/healthz`)).ok) return;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('server did not become healthy');
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
}

afterAll(async () => {
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await exited(child);
    }
  }
  rmSync(dataDir, { recursive: true, force: true });
});

describe('petition signatures survive SIGKILL', () => {
  it('finds every acknowledged signature after a kill -9 mid-stream and a restart', { timeout: 300_000 }, async () => {
    const first = startServer();
    await waitHealthy(first);
    const list = (await (await fetch(`${base}/api/v1/petitions`)).json()) as { _embedded: { 'osdi:petitions': { identifiers: string[] }[] } };
    const petitionId = list._embedded['osdi:petitions'][0]?.identifiers[0]?.replace('unionhall:', '');
    expect(petitionId).toBeDefined();

    const acknowledged: string[] = [];
    let failed = 0;
    let sent = 0;
    let killed = false;
    const stream = async (worker: number): Promise<void> => {
      for (let i = 0; ; i++) {
        const email = `crash-${worker}-${i}@crash.example`;
        sent++;
        try {
          const res = await fetch(`${base}/api/v1/petitions/${petitionId}/signatures`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ person: { given_name: 'Crash', family_name: `Test${worker}`, email_addresses: [{ address: email }] } }),
          });
          if (res.status === 200) acknowledged.push(email);
          else failed++;
        } catch {
          failed++;
          if (killed) return; // the server is gone: this stream is over
        }
      }
    };
    const streams = Array.from({ length: 16 }, (_, w) => stream(w));
    // Kill once signatures are flowing, so that some are acknowledged and others are in flight.
    while (acknowledged.length < 300) await new Promise((r) => setTimeout(r, 20));
    first.kill('SIGKILL');
    killed = true;
    await exited(first);
    await Promise.all(streams);
    expect(failed).toBeGreaterThan(0);
    expect(sent).toBeGreaterThan(acknowledged.length);

    const second = startServer();
    await waitHealthy(second);
    const server = await startEmbeddedPostgres({ dataDir, database: 'unionhall', log: () => undefined });
    const client = new pg.Client(server.connection);
    await client.connect();
    try {
      const { rows } = await client.query<{ email: string }>("select email from petition_signatures where email like 'crash-%'");
      const stored = new Set(rows.map((r) => r.email));
      const lost = acknowledged.filter((e) => !stored.has(e));
      expect(lost).toEqual([]);
      // And each acknowledged signature's confirmation email was recorded with it.
      const mails = await client.query<{ n: number }>("select count(*)::int as n from mail_messages where to_address like 'crash-%' and kind = 'petition_confirmation'");
      expect(mails.rows[0]?.n).toBeGreaterThanOrEqual(acknowledged.length);
    } finally {
      await client.end();
    }
    // The restarted server works.
    const after = await fetch(`${base}/api/v1/petitions/${petitionId}/signatures`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ person: { given_name: 'After', family_name: 'Restart', email_addresses: [{ address: 'after-restart@crash.example' }] } }),
    });
    expect(after.status).toBe(200);
  });
});
