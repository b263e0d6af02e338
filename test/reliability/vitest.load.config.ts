// The load test, alone: it measures the server's memory over a few seconds, and test files running
// beside it on the same two cores would starve its warm-up and make the figure noise.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/reliability/load.test.ts'],
    pool: 'forks',
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
