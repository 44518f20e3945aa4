import { defineConfig } from 'vitest/config';

// One PostgreSQL for the whole run (the embedded one, started in globalSetup); every test file
// gets its own database cloned from a migrated template, so files run in parallel without
// seeing each other's rows.
export default defineConfig({
  test: {
    globalSetup: ['./test/support/global-setup.ts'],
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'e2e/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
  },
});
