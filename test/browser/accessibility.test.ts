/**
 * The dark colour scheme and the search results as readers with assistive technology get them:
 * axe-core finds no serious or critical violation. Every page in the light scheme, with its charts
 * live, and at 360 px wide: every-page.test.ts.
 */
import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, openChromium } from '../helpers/browser.ts';
import { serveFolder } from '../helpers/static-server.ts';
import { axeProblems } from './axe.ts';
import { SITE } from './pages.ts';
import { testSiteBuilt } from '../helpers/test-site.ts';

// The global setup builds the site while other files run.
await testSiteBuilt();

describe.skipIf(!hasChromium || !existsSync(`${SITE}/index.html`))('accessibility in the dark colour scheme and with search results open', () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof serveFolder>>;

  beforeAll(async () => {
    server = await serveFolder(SITE);
    browser = await openChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('has no serious or critical axe-core violation in the dark colour scheme, nor with search results open', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: 'dark' });
    const problems: string[] = [];
    for (const path of ['/en/', '/en/baiterek/', '/ru/baiterek/', '/en/data/', '/en/quality/', '/kk/']) {
      const page = await context.newPage();
      await page.goto(`${server.url}${path}`, { waitUntil: 'load' });
      problems.push(...(await axeProblems(page, `${path} (dark)`)));
      await page.close();
    }
    for (const scheme of ['light', 'dark'] as const) {
      const page = await context.newPage();
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(`${server.url}/en/baiterek/`, { waitUntil: 'load' });
      await page.locator('#site-search-input').fill('harvest');
      await page.locator('#site-search-results .search-result').first().waitFor({ timeout: 20_000 });
      problems.push(...(await axeProblems(page, `/en/baiterek/ with search results (${scheme})`)));
      await page.close();
    }
    expect(problems).toEqual([]);
    await context.close();
  }, 180_000);
});
