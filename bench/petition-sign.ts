// The petition signing benchmark on its own: `npx tsx bench/petition-sign.ts`. The same module runs
// under `npm run bench` (bench/benchmarks/index.ts); this file only supplies the harness's context.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { petitionSignBenchmark } from './benchmarks/petition-sign.js';
import type { BenchContext } from './types.js';

export const { name, run } = petitionSignBenchmark;

const cleanups: Array<() => Promise<void> | void> = [];
const context: BenchContext = {
  defer: (cleanup) => void cleanups.push(cleanup),
  log: (message) => void process.stderr.write(`${message}\n`),
  load: {
    connections: Number(process.env.BENCH_CONNECTIONS ?? 50),
    durationSeconds: Number(process.env.BENCH_SECONDS ?? 5),
    warmupSeconds: Number(process.env.BENCH_WARMUP_SECONDS ?? 1),
    rounds: Number(process.env.BENCH_ROUNDS ?? 2),
  },
};

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  let code = 0;
  try {
    for (const figure of await run(context)) process.stdout.write(`${figure.name}: ${figure.value}${figure.comparison ? ` (${figure.comparison})` : ''}\n`);
  } catch (err) {
    process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    code = 1;
  } finally {
    for (const cleanup of cleanups.reverse()) await Promise.resolve(cleanup()).catch(() => undefined);
  }
  process.exit(code);
}
