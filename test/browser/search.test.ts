/**
 * Search in a reader's browser, from the static files alone and under the pages' own
 * Content-Security-Policy: the header's box finds the Baiterek chapter by a word of its text, in
 * English and in Russian, each language in its own index; the search page shows the same
 * without the header box, and the box is a plain form that leads there without JavaScript.
 */
import { existsSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hasChromium, useSiteInBrowser } from '../helpers/browser.ts';

const site = '.build/test-site';

/** Console errors, page errors and CSP violations of a page, collected as they happen. */
async function watch(page: Page): Promise<string[]> {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI}`));
  });
  return problems;
}

async function resultLinks(page: Page, panel: string): Promise<string[]> {
  return page.locator(`${panel} .search-result > a`).evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
}

describe.skipIf(!hasChromium || !existsSync(`${site}/pagefind/pagefind.js`))('search', () => {
  const served = useSiteInBrowser(site);

  for (const [locale, term] of [
    ['en', 'sunflower'],
    ['ru', 'подсолнечника'],
  ] as const) {
    it(`finds the Baiterek chapter by a word of its text in the ${locale} index, under the page's CSP`, async () => {
      const context = await served.browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      const problems = await watch(page);
      await page.goto(`${served.url}/${locale}/`);
      await page.locator('#site-search-input').fill(term);
      const panel = '#site-search-results';
      await expect.poll(() => resultLinks(page, panel), { timeout: 20_000 }).toContainEqual(expect.stringMatching(new RegExp(`^/${locale}/baiterek/`)));
      const links = await resultLinks(page, panel);
      // One language per index: every result is a page of this language.
      expect(links.every((href) => href.startsWith(`/${locale}/`)), links.join(' ')).toBe(true);
      // The match is shown in context, marked.
      expect(await page.locator(`${panel} .search-excerpt mark`).count()).toBeGreaterThan(0);
      // The count is announced to screen readers.
      expect(await page.locator('#site-search-status').textContent()).toMatch(/\d/);
      // Escape closes the results.
      await page.keyboard.press('Escape');
      await expect.poll(() => page.locator(panel).isHidden()).toBe(true);
      expect(problems).toEqual([]);
      await context.close();
    });
  }

  it("still searches where Web Workers fail: Pagefind's WebAssembly then runs in the page, which the CSP's 'wasm-unsafe-eval' allows", async () => {
    const context = await served.browser.newContext();
    await context.route('**/pagefind/pagefind-worker.js', (route) => route.fulfill({ status: 404, body: '' }));
    const page = await context.newPage();
    const problems = await watch(page);
    await page.goto(`${served.url}/en/`);
    await page.locator('#site-search-input').fill('sunflower');
    await expect.poll(() => resultLinks(page, '#site-search-results'), { timeout: 20_000 }).toContainEqual(expect.stringMatching(/^\/en\/baiterek\//));
    // The failed worker is logged by Pagefind as a warning; nothing else may go wrong.
    expect(problems.filter((p) => !/status of 404|worker/i.test(p))).toEqual([]);
    await context.close();
  });

  it('shows every result on the search page, from the address the header form opens', async () => {
    const context = await served.browser.newContext();
    const page = await context.newPage();
    const problems = await watch(page);
    await page.goto(`${served.url}/en/baiterek/`);
    // Submitting the header form (Enter) opens the search page with the query.
    await page.locator('#site-search-input').fill('cereals');
    await page.locator('#site-search-input').press('Enter');
    await page.waitForURL(/\/en\/search\/\?q=cereals$/);
    await expect.poll(() => resultLinks(page, '#search-page-results'), { timeout: 20_000 }).toContainEqual(expect.stringMatching(/^\/en\/baiterek\//));
    expect(await page.locator('#search-page-input').inputValue()).toBe('cereals');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('says when nothing is found, in the page language', async () => {
    const context = await served.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${served.url}/ru/search/?q=${encodeURIComponent('qqqxyzzy')}`);
    await expect.poll(() => page.locator('#search-page-results').textContent(), { timeout: 20_000 }).toContain('ничего не найдено');
    await context.close();
  });

  it('is a plain form without JavaScript, leading to the search page of the language', async () => {
    const context = await served.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${served.url}/kk/`);
    await page.locator('#site-search-input').fill('Байтерек');
    await page.locator('#site-search-input').press('Enter');
    await page.waitForURL(/\/kk\/search\/\?q=/);
    expect(await page.locator('html').getAttribute('lang')).toBe('kk');
    // Without JavaScript the page says so and still links to every chapter.
    expect(await page.locator('main .chapter-list a').count()).toBeGreaterThan(3);
    await context.close();
  });
});
