/**
 * What the site and browser tests share, made once per run:
 * - the real report, built into .build/test-site (its log: .build/test-site.log) for the tests that
 *   read the published pages. Built while the tests run, not before them: the files that read it
 *   wait for it (test/helpers/test-site.ts) and start last (test/sequencer.ts). A failed build is
 *   reported by those tests (test/build/site.test.ts first), not here, so the others still run;
 * - one Chromium, when Debian's is installed: a playwright browser server on 127.0.0.1 (a port the
 *   system picks), whose address the browser tests get with `inject('chromiumEndpoint')`
 *   (test/helpers/browser.ts). Closed when the run ends.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { chromium, type BrowserServer } from 'playwright-core';
import type { TestProject } from 'vitest/node';
import { CHROMIUM_LAUNCH, hasChromium } from './helpers/chromium.ts';
import { SITE, SITE_LOG } from './helpers/test-site.ts';

function buildTestSite(): Promise<string> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['scripts/bin/report.js', 'build', `--out=${SITE}`], { env: { ...process.env, TZ: 'UTC' } });
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
  // An earlier run's log must not say this run's build has ended.
  rmSync(SITE_LOG, { force: true });
  const building = buildTestSite().then((log) => {
    // Whole or not at all: a waiting file polls for it.
    writeFileSync(`${SITE_LOG}.partial`, log);
    renameSync(`${SITE_LOG}.partial`, SITE_LOG);
  });
  const browser = await launching;
  project.provide('chromiumEndpoint', browser?.wsEndpoint() ?? '');
  project.provide('testSiteBuilding', true);
  return async () => {
    await building;
    await browser?.close();
  };
}
