import { defineConfig } from 'vitest/config';

// One config, three tiers. Integration tests open real sockets and SQLite files, so they get longer
// timeouts; e2e drives real Chromium against the built renderer.
export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.{ts,tsx}', 'test/integration/**/*.test.ts', 'test/e2e/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    maxWorkers: 2,
    reporters: ['default'],
  },
});
