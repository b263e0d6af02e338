// The unit and integration suite. The load test runs on its own afterwards
// (test/reliability/vitest.load.config.ts): its memory figure means nothing beside other test files.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    exclude: ['test/browser/**', 'test/reliability/load.test.ts', 'node_modules/**'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
