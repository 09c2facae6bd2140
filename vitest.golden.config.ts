/**
 * `npm run test:golden`: the golden whole-site tests alone (test/examples/: every report under
 * examples/ and test/fixtures/reports/ against its committed site), without the global setup's
 * build of the main report. `UPDATE_GOLDEN=1 npm run test:golden` rewrites the golden copies.
 * `npm test` runs them too.
 */
import { defineConfig } from 'vitest/config';
import base from './vitest.config.ts';

const { projects: _projects, ...shared } = base.test ?? {};
export default defineConfig({ test: { ...shared, include: ['test/examples/**/*.test.ts'] } });
