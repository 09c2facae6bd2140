/**
 * `npm test` runs both projects; `npm run test:quick` runs `unit` alone, after every change.
 *
 * - `unit`: the stages' functions on values and in-memory projects. No built site, no browser, no
 *   child-process build. Its files share their worker's modules (no isolation): Vega, Vega-Lite,
 *   zod and the pipeline load once per worker rather than once per file, which halves the layer's
 *   CPU time (57 s → 30 s wall, measured). A test that counts what a module-level memo does resets
 *   it first (compile-once's `forgetShapes()`).
 * - `site`: whatever builds a whole site, drives Chromium or runs the CLI in child processes. Each
 *   file isolated; they share the report the global setup builds and its one Chromium. The files
 *   that read that report run last (test/sequencer.ts), while it builds.
 */
import { defineConfig } from 'vitest/config';
import { SiteReadersLast } from './test/sequencer.ts';

/** The `site` project's files: they read the site global-setup builds, drive Chromium, or run the CLI or worker threads case by case. */
const SITE_TESTS = [
  // Read the site global-setup builds, or drive Chromium.
  'test/site/**/*.test.ts',
  'test/browser/**/*.test.ts',
  'test/build/site.test.ts',
  'test/pdf/**/*.test.ts',
  // Run the CLI or Eleventy in child processes, once per case (the bad-input matrix's in-memory
  // half, test/fixtures/bad-input/pipeline.test.ts, is a unit test).
  'test/fixtures/bad-input/bad-input.test.ts',
  'test/build/publish.test.ts',
  'test/build/init-report.test.ts',
  'test/build/compiled-cli.test.ts',
  // Builds every example and fixture report with the CLI, each in its own process.
  'test/examples/build.test.ts',
  'test/dev-server/**/*.test.ts',
  // Worker threads under memory and time limits, each case seconds long.
  'test/security/chart-limits.test.ts',
  'test/chart/render-pool.test.ts',
];

export default defineConfig({
  test: {
    environment: 'node',
    // Whole-site builds run the CLI in child processes; under load on 2 cores one can take a minute.
    testTimeout: 180_000,
    hookTimeout: 180_000,
    // Whole-site builds and the browser share one machine: keep the pool small.
    maxWorkers: 2,
    sequence: { sequencer: SiteReadersLast },
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: SITE_TESTS, isolate: false } },
      { extends: true, test: { name: 'site', include: SITE_TESTS, globalSetup: ['test/global-setup.ts'] } },
    ],
  },
});
