/**
 * What the site and browser tests share, made once per run:
 * - the real report, built into .build/test-site (its log: .build/test-site.log) for the tests that
 *   read the published pages. A failed build is reported by those tests (test/build/site.test.ts
 *   first), not here, so the unit tests still run;
 * - one Chromium, when Debian's is installed: a playwright browser server on 127.0.0.1 (a port the
 *   system picks), whose address the browser tests get with `inject('chromiumEndpoint')`
 *   (test/helpers/browser.ts). Closed when the run ends.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { chromium, type BrowserServer } from 'playwright-core';
import type { TestProject } from 'vitest/node';
import { CHROMIUM_LAUNCH, hasChromium } from './helpers/chromium.ts';

function buildTestSite(): Promise<string> {
  return new Promise((resolve) => {
    const child = spawn('npx', ['tsx', 'scripts/cli.ts', 'build', '--out=.build/test-site'], { env: { ...process.env, TZ: 'UTC' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', (error) => resolve(`${stdout}\n${stderr}\n${error.message}\n`));
    child.on('close', (status) => resolve(`${stdout}\n${stderr}\nexit ${status}\n`));
  });
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  mkdirSync('.build', { recursive: true });
  // The browser starts while the report builds. If it cannot start, each browser test file
  // launches its own (test/helpers/browser.ts) and reports why it failed.
  const launching: Promise<BrowserServer | undefined> = hasChromium ? chromium.launchServer({ ...CHROMIUM_LAUNCH, host: '127.0.0.1' }).catch(() => undefined) : Promise.resolve(undefined);
  const [log, browser] = await Promise.all([buildTestSite(), launching]);
  writeFileSync('.build/test-site.log', log);
  project.provide('chromiumEndpoint', browser?.wsEndpoint() ?? '');
  return async () => {
    await browser?.close();
  };
}
