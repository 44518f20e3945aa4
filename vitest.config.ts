import { defineConfig } from 'vitest/config';

// One PostgreSQL for the whole run (the embedded one, started in globalSetup); every test file
// gets its own database cloned from a migrated template, so files run in parallel without
// seeing each other's rows.
//
// With UNIONHALL_TEST_DATABASE_URL set (.ci/run sets it to Debian's PostgreSQL, which it starts),
// the API and ops suites run a second time, as the project `external-postgres`, on that server:
// nothing may depend on the embedded one. Ops tests about the embedded server itself (its
// supervision, orphans, the data folder's backups) run on the embedded project only.
const EMBEDDED_ONLY = ['test/ops/crash-recovery.test.ts', 'test/ops/card-crash.test.ts', 'test/ops/backup-restore.test.ts'];

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
        ? [{ extends: true as const, test: { name: 'external-postgres', include: ['test/api/**/*.test.ts', 'test/ops/**/*.test.ts'], exclude: EMBEDDED_ONLY } }]
        : []),
    ],
  },
});
