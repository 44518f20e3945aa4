// The contract between the harness (bench/run.ts) and each benchmark module.

/** One printed line: `name: value (comparison)`. */
export type Figure = {
  name: string;
  value: string;
  /** The ratio against the baseline measured in the same run, and the baseline itself. */
  comparison?: string;
  /** The goal this figure is held to (issue 16), and whether this run met it. */
  goal?: { text: string; met: boolean };
};

export type BenchContext = {
  /** Registers a clean-up; the harness runs them in reverse order, also after an error or Ctrl-C. */
  defer: (cleanup: () => Promise<void> | void) => void;
  /** Progress for the person watching (stderr); the figures go to stdout. */
  log: (message: string) => void;
  /** Load-generator settings shared by every benchmark of the run. */
  load: LoadSettings;
};

export type LoadSettings = {
  connections: number;
  warmupSeconds: number;
  durationSeconds: number;
  /** Each measurement alternates target and baseline this many times; the best round counts. */
  rounds: number;
};

export type Benchmark = {
  name: string;
  description: string;
  run: (context: BenchContext) => Promise<Figure[]>;
};
