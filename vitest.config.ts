import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // ORT sessions are native and per-process; forks keep a crash in one file from hiding the rest.
    pool: 'forks',
    testTimeout: 60_000,
  },
});
