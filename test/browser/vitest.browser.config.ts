// Browser tests: Debian's Chromium, driven by playwright-core, against the real server on the
// sample index (built once by the global setup). One file at a time in one process (the machine
// has two cores, and the files share their imports).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/browser/**/*.test.ts'],
    globalSetup: ['test/browser/global-setup.ts'],
    pool: 'forks',
    fileParallelism: false,
    isolate: false,
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // A page under a loaded CI machine can take seconds to settle after navigation.
    expect: { poll: { timeout: 10_000, interval: 100 } },
  },
});
