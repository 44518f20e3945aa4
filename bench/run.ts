// `npm run bench [-- name…]`: runs every benchmark in bench/benchmarks/index.ts (or the named ones)
// and prints one line per figure on stdout: `name: value (ratio vs baseline)`. Progress goes to
// stderr. Loopback only, bounded in time; every server and the embedded PostgreSQL are stopped at
// the end, also after an error or Ctrl-C.
//
// Knobs (environment): BENCH_CONNECTIONS (default 50), BENCH_SECONDS (measured seconds per round,
// default 5), BENCH_WARMUP_SECONDS (default 1), BENCH_ROUNDS (default 2).
import './support/production-mode.js';
import { writeFileSync } from 'node:fs';
import { benchmarks } from './benchmarks/index.js';
import { formatSummary, type SummaryRow } from './support/summary.js';
import type { BenchContext, Figure, LoadSettings } from './types.js';

function readNumber(name: string, fallback: number, min: number, max: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min || value > max) throw new Error(`${name} must be a number from ${min} to ${max} (got "${raw}").`);
  return value;
}

function formatFigure(figure: Figure): string {
  return figure.comparison ? `${figure.name}: ${figure.value} (${figure.comparison})` : `${figure.name}: ${figure.value}`;
}

const log = (message: string): void => void process.stderr.write(`${message}\n`);
const cleanups: Array<() => Promise<void> | void> = [];

async function cleanUp(): Promise<void> {
  while (cleanups.length > 0) {
    const cleanup = cleanups.pop();
    try {
      await cleanup?.();
    } catch (err) {
      log(`clean-up failed: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
}

let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (interrupted) return;
    interrupted = true;
    log(`\n${signal}: stopping the benchmark servers…`);
    void cleanUp().finally(() => process.exit(130));
  });
}

async function main(): Promise<number> {
  const load: LoadSettings = {
    connections: readNumber('BENCH_CONNECTIONS', 50, 1, 1000),
    durationSeconds: readNumber('BENCH_SECONDS', 5, 1, 60),
    warmupSeconds: readNumber('BENCH_WARMUP_SECONDS', 1, 0, 30),
    rounds: readNumber('BENCH_ROUNDS', 2, 1, 10),
  };
  const args = process.argv.slice(2).filter((a) => a !== '--');
  // `--json FILE` writes the summary as JSON too, so that two runs can be compared.
  const jsonAt = args.indexOf('--json');
  const jsonFile = jsonAt >= 0 ? args[jsonAt + 1] : undefined;
  if (jsonAt >= 0 && (jsonFile === undefined || jsonFile.startsWith('--'))) {
    log('--json needs a file name: npm run bench -- --json results.json');
    return 2;
  }
  const wanted = args.filter((_a, i) => jsonAt < 0 || (i !== jsonAt && i !== jsonAt + 1));
  const unknown = wanted.filter((name) => !benchmarks.some((b) => b.name === name));
  if (unknown.length > 0) {
    log(`Unknown benchmark: ${unknown.join(', ')}. Known: ${benchmarks.map((b) => b.name).join(', ')}.`);
    return 2;
  }
  const selected = wanted.length > 0 ? benchmarks.filter((b) => wanted.includes(b.name)) : benchmarks;
  const context: BenchContext = { defer: (cleanup) => void cleanups.push(cleanup), log, load };

  let failed = 0;
  const started = Date.now();
  const rows: SummaryRow[] = [];
  for (const benchmark of selected) {
    log(`▶ ${benchmark.name}: ${benchmark.description}`);
    try {
      const figures = await benchmark.run(context);
      for (const figure of figures) {
        process.stdout.write(`${formatFigure(figure)}\n`);
        rows.push({ benchmark: benchmark.name, ...figure });
      }
    } catch (err) {
      failed++;
      rows.push({ benchmark: benchmark.name, name: benchmark.name, value: 'failed', goal: { text: 'runs', met: false } });
      log(`✗ ${benchmark.name} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    } finally {
      // Each benchmark leaves the machine as it found it before the next one starts.
      await cleanUp();
    }
  }
  const seconds = Math.round((Date.now() - started) / 1000);
  process.stdout.write(`\n${formatSummary(rows)}\nwhole run: ${seconds} s\n`);
  if (jsonFile) {
    writeFileSync(jsonFile, `${JSON.stringify({ at: new Date().toISOString(), load, seconds, figures: rows }, null, 2)}\n`);
    log(`Summary written to ${jsonFile}.`);
  }
  return failed > 0 ? 1 : 0;
}

const code = await main().catch(async (err: unknown) => {
  log(err instanceof Error ? err.message : String(err));
  await cleanUp();
  return 1;
});
process.exitCode = code;
// Everything is closed by now; should a library keep a handle open, do not hang the terminal.
setTimeout(() => {
  log('bench: a handle stayed open after clean-up; exiting.');
  process.exit(code);
}, 5000).unref();
