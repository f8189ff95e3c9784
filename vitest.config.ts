import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // A guard against a test that hangs, not a time limit: on a machine busy with other work the
    // slowest tests take several times what they take alone (issue 23).
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
