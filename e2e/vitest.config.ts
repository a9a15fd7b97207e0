import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: new URL('..', import.meta.url).pathname,
    include: ['e2e/**/*.test.ts'],
    globalSetup: ['e2e/global-setup.ts'],
    pool: 'forks',
    maxWorkers: 1,
    testTimeout: 90_000,
    hookTimeout: 120_000,
    // A browser under CI's load takes its time to re-render: poll for up to 10 s, not 1 s.
    expect: { poll: { timeout: 10_000, interval: 100 } },
  },
});
