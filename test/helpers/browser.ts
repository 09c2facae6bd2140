/**
 * Debian's Chromium driven by playwright-core; tests are skipped with a reason where it is absent.
 *
 * One Chromium serves every browser test of a run: test/global-setup.ts launches it as a
 * playwright browser server (on 127.0.0.1, a port the system picks) and hands its address to the
 * test files, which vitest runs in separate workers; each file connects to it, and closing that
 * connection closes the file's contexts and pages, not the browser. A file run without the
 * global setup (another config) launches a Chromium of its own instead.
 */
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { CHROMIUM_LAUNCH } from './chromium.ts';
import { serveFolder } from './static-server.ts';

export { CHROMIUM, hasChromium } from './chromium.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The shared Chromium's websocket address; empty when none was launched. */
    chromiumEndpoint: string;
  }
}

/** A Chromium of this file's own. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch(CHROMIUM_LAUNCH);
}

/** The Chromium the run shares, or one of this file's own when there is none; `close()` it after use. */
export function openChromium(): Promise<Browser> {
  const endpoint = inject('chromiumEndpoint');
  return endpoint ? chromium.connect(endpoint) : launchChromium();
}

/**
 * The built test site served on 127.0.0.1 and the run's Chromium, for a describe block: opened
 * before its tests, closed after them. Read `site.url` and `site.browser` inside the tests.
 */
export function useSiteInBrowser(folder: string): { readonly url: string; readonly browser: Browser } {
  let server: Awaited<ReturnType<typeof serveFolder>> | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await serveFolder(folder);
    browser = await openChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    get url() {
      if (!server) throw new Error('the test site is not being served: use it inside a test');
      return server.url;
    },
    get browser() {
      if (!browser) throw new Error('Chromium is not running: use it inside a test');
      return browser;
    },
  };
}
