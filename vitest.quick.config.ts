/**
 * `npm run test:quick`: the unit layer, for after every change. No whole-site build (no global
 * setup), no browser, no child-process builds: the tests of the stages' functions on values and
 * in-memory projects. `npm test` still runs everything, these included.
 *
 * Test files share their worker's modules (no isolation): Vega, Vega-Lite, zod and the pipeline
 * are loaded once per worker rather than once per file, about a third of the layer's CPU time.
 * A test that counts what a module-level memo does resets it first (compile-once's
 * `forgetShapes()`); `npm test` keeps every file isolated, so a test that passes only in one of
 * the two depends on what another file left behind.
 */
import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.ts';

export default mergeConfig(
  { ...base, test: { ...base.test, globalSetup: [] } },
  defineConfig({
    test: {
      isolate: false,
      exclude: [
        // Read the site global-setup builds, or drive Chromium.
        'test/site/**',
        'test/browser/**',
        'test/build/site.test.ts',
        'test/pdf/**',
        // Run the CLI or Eleventy in child processes, once per case (the bad-input matrix's
        // in-memory half, test/fixtures/bad-input/pipeline.test.ts, stays in).
        'test/fixtures/bad-input/bad-input.test.ts',
        'test/build/publish.test.ts',
        'test/build/init-report.test.ts',
        // Builds every example and fixture report with the CLI, each in its own process.
        'test/examples/build.test.ts',
        'test/dev-server/**',
        // Worker threads under memory and time limits, each case seconds long.
        'test/security/chart-limits.test.ts',
        'test/chart/render-pool.test.ts',
      ],
    },
  }),
);
