/**
 * `npm run test:quick`: the unit layer, for after every change. No whole-site build (no global
 * setup), no browser, no child-process builds: the tests of the stages' functions on values and
 * in-memory projects. `npm test` still runs everything, these included.
 */
import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.ts';

export default mergeConfig(
  { ...base, test: { ...base.test, globalSetup: [] } },
  defineConfig({
    test: {
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
        'test/dev-server/**',
        // Worker threads under memory and time limits, each case seconds long.
        'test/security/chart-limits.test.ts',
        'test/chart/render-pool.test.ts',
      ],
    },
  }),
);
