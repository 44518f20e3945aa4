// Where does the time of one public page go? `npx tsx scripts/profile-page.ts /card 2000` boots the
// app on a throw-away embedded PostgreSQL with the demo, requests the page that many times (10 at
// a time), takes a CPU profile of the server meanwhile, and prints the functions that used the
// most CPU themselves, and the share of each module. (Issue 16 asked for the profile first.)
import '../bench/support/production-mode.js';
import { Session } from 'node:inspector/promises';
import '../src/demo/demo-steps.js';
import { loadDemo } from '../src/demo/load-demo.js';
import { startBenchApp } from '../bench/support/app-server.js';

type ProfileNode = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number; children?: number[] };

const pagePath = process.argv[2] ?? '/card';
const total = Number(process.argv[3] ?? 2000);
const cleanups: Array<() => Promise<void> | void> = [];
const context = { defer: (c: () => Promise<void> | void) => void cleanups.push(c), log: (m: string) => void process.stderr.write(`${m}\n`), load: { connections: 10, warmupSeconds: 0, durationSeconds: 0, rounds: 1 } };
try {
  const app = await startBenchApp(context);
  await loadDemo(app.runtime.database.db, () => ({ tick: () => undefined, done: () => undefined }), { now: app.runtime.services.now() });
  const hit = async (n: number) => {
    for (let i = 0; i < n; i++) {
      const res = await fetch(`${app.url}${pagePath}`);
      if (res.status !== 200) throw new Error(`${pagePath} answered ${res.status}`);
      await res.text();
    }
  };
  await hit(50); // warm-up: JIT, caches, pool
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 100 });
  await session.post('Profiler.start');
  const started = performance.now();
  await Promise.all(Array.from({ length: 10 }, () => hit(total / 10)));
  const ms = performance.now() - started;
  const { profile } = (await session.post('Profiler.stop')) as unknown as { profile: { nodes: ProfileNode[] } };
  const self = new Map<string, number>();
  const byModule = new Map<string, number>();
  let all = 0;
  for (const node of profile.nodes) {
    const hits = node.hitCount ?? 0;
    all += hits;
    const { functionName, url, lineNumber } = node.callFrame;
    const where = url.replace(/^file:\/\//, '').replace(process.cwd(), '.');
    const key = `${functionName || '(anonymous)'} ${where}:${lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + hits);
    const module = where.includes('node_modules/') ? where.split('node_modules/')[1]!.split('/').slice(0, where.split('node_modules/')[1]!.startsWith('@') ? 2 : 1).join('/') : where.startsWith('./src') ? where.split('/').slice(0, 4).join('/') : functionName.startsWith('(') ? functionName : where || '(native)';
    byModule.set(module, (byModule.get(module) ?? 0) + hits);
  }
  const top = (m: Map<string, number>, n: number) => [...m.entries()].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => `${((100 * v) / all).toFixed(1).padStart(5)}%  ${k}`).join('\n');
  process.stdout.write(`${pagePath}: ${total} requests in ${Math.round(ms)} ms (${Math.round((total * 1000) / ms)} req/s, 10 at a time; the load generator shares the process)\n\nBy module:\n${top(byModule, 25)}\n\nBy function (self time):\n${top(self, 30)}\n`);
} finally {
  for (const c of cleanups.reverse()) await c();
}
