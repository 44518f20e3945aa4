import { defineConfig } from 'vitest/config';

// One PostgreSQL for the whole run (the embedded one, started in globalSetup); every test file
// gets its own database cloned from a migrated template, so files run in parallel without
// seeing each other's rows.
//
// With UNIONHALL_TEST_DATABASE_URL set (.ci/run sets it to Debian's PostgreSQL, which it starts),
// the ops suite and the API files below run a second time, as the project `external-postgres`, on
// that server: nothing may depend on the embedded one. Ops tests about the embedded server itself (its
// supervision, orphans, the data folder's backups) run on the embedded project only.
const EMBEDDED_ONLY = ['test/ops/crash-recovery.test.ts', 'test/ops/card-crash.test.ts', 'test/ops/backup-restore.test.ts'];

// On the external server: the ops suite and the API files about the database itself (faults,
// health, several processes, the one-transaction commands) and the two busiest write paths.
// Everything else is plain SQL through the same code; running it twice would double CI's time.
const ON_EXTERNAL = [
  'test/ops/**/*.test.ts',
  'test/api/faults.test.ts',
  'test/api/health.test.ts',
  'test/api/several-processes.test.ts',
  'test/api/commands.test.ts',
  'test/api/cards.test.ts',
  'test/api/petition.test.ts',
];

export default defineConfig({
  test: {
    globalSetup: ['./test/support/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
    projects: [
      { extends: true, test: { name: 'embedded', include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'e2e/**/*.test.ts'] } },
      ...(process.env.UNIONHALL_TEST_DATABASE_URL
        ? [{ extends: true as const, test: { name: 'external-postgres', include: ON_EXTERNAL, exclude: EMBEDDED_ONLY } }]
        : []),
    ],
  },
});
