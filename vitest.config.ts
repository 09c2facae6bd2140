import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    // Whole-site builds run the CLI in child processes; under load on 2 cores one can take a minute.
    testTimeout: 180_000,
    hookTimeout: 180_000,
    // Whole-site builds and the browser share one machine: keep the pool small.
    maxWorkers: 2,
    globalSetup: ['test/global-setup.ts'],
  },
});
