/**
 * The real report, built by test/global-setup.ts into .build/test-site while the first tests run:
 * a file that reads it waits for the build at its top (`await testSiteBuilt()`, before its
 * `describe.skipIf(!existsSync(...))`). test/sequencer.ts runs such files after those that do not,
 * so the wait is rarely felt. The build's output is in .build/test-site.log once it has ended.
 */
import { existsSync } from 'node:fs';
import { inject } from 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Whether the global setup is building the test site (false in a run without it). */
    testSiteBuilding: boolean;
  }
}

export const SITE = '.build/test-site';
/** Written, whole, when the build has ended (global-setup.ts): its output and exit code. */
export const SITE_LOG = '.build/test-site.log';
/** What a file calls to wait for the site; test/sequencer.ts looks for it. */
export const WAITS_FOR_SITE = 'testSiteBuilt(';

/** Resolves once the global setup's build of the test site has ended, failed or not (site.test.ts reports a failure). */
export async function testSiteBuilt(): Promise<void> {
  if (!inject('testSiteBuilding')) return;
  // Far above a cold build on a loaded machine; only a hung build gets here.
  const deadline = Date.now() + 600_000;
  while (!existsSync(SITE_LOG)) {
    if (Date.now() > deadline) throw new Error(`the test site was not built within 10 minutes: see ${SITE_LOG} when it appears`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
