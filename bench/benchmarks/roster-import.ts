import type { Benchmark } from '../types.js';
import { runRosterImportBenchmark } from '../roster-import-1m.js';

// The 1,000,000-row roster import (ROSTER_BENCH_ROWS to change), against a raw COPY of the same file.
export const rosterImportBenchmark: Benchmark = {
  name: 'roster-import',
  description: 'import a 1,000,000-row roster CSV through the real import; baseline: raw COPY of the same file',
  run: (context) => runRosterImportBenchmark(context.log),
};
