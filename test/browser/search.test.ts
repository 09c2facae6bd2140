/**
 * Search in a reader's browser, from the static files alone and under the pages' own
 * Content-Security-Policy: the header's box finds the Baiterek chapter by a word of its text, in
 * English and in Russian, each language in its own index; the search page shows the same
 * without the header box, and the box is a plain form that leads there without JavaScript.
 *
 * Kazakh has no stemmer in Pagefind (see scripts/write/search-index.ts): its pages get their own
 * index, matched word by word as written, lower-cased, each query word matching the words that
 * begin with it. The Kazakh tests ask that index directly and check every result against the text
 * Pagefind returns for it.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, useSiteInBrowser } from '../helpers/browser.ts';
import { SITE as site, testSiteBuilt } from '../helpers/test-site.ts';

// The global setup builds the site while other files run.
await testSiteBuilt();


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

/** A result as Pagefind gives it: the page, the whole text it indexed, and the words its excerpt marks. */
interface Found {
  url: string;
  content: string;
  marked: string[];
}

/**
 * Pagefind's results for `term`, in order, from the index of the page's `<html lang>`. The script
 * is sent as text: vitest would rewrite an `import()` written in a function here into its own
 * loader, which the page does not have.
 */
async function query(page: Page, term: string): Promise<Found[]> {
  return page.evaluate(`(async () => {
    const pagefind = await import('/pagefind/pagefind.js');
    const search = await pagefind.search(${JSON.stringify(term)});
    const data = await Promise.all(search.results.map((r) => r.data()));
    return data.map((d) => ({ url: d.url, content: d.content, marked: [...d.excerpt.matchAll(/<mark>(.*?)<\\/mark>/g)].map((m) => m[1]) }));
  })()`) as Promise<Found[]>;
}

/** The words of a Kazakh text, lower-cased the Kazakh way, without punctuation. */
const kazakhWords = (text: string): string[] => text.toLocaleLowerCase('kk').match(/[\p{L}\p{M}\p{N}]+/gu) ?? [];

/** The word at the start of some word of the page's text (how Pagefind matches an unstemmed term). */
const hasWordStarting = (found: Found, term: string): boolean => kazakhWords(found.content).some((word) => word.startsWith(term.toLocaleLowerCase('kk')));

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

  describe('in Kazakh', () => {
    let context: BrowserContext;
    /** A Kazakh page: Pagefind searches the index of its `<html lang="kk">`. */
    let kk: Page;
    beforeAll(async () => {
      context = await served.browser.newContext();
      kk = await context.newPage();
      await kk.goto(`${served.url}/kk/`);
    });
    afterAll(async () => {
      await context?.close();
    });

    const urls = (found: Found[]) => found.map((f) => f.url);

    it('has an index of its own, without a stemmer (Pagefind has none for Kazakh)', () => {
      const entry = JSON.parse(readFileSync(`${site}/pagefind/pagefind-entry.json`, 'utf8')) as { languages: Record<string, { wasm: string | null; page_count: number }> };
      expect(Object.keys(entry.languages).sort()).toEqual(['en', 'kk', 'ru']);
      // English and Russian are stemmed; Kazakh is searched by Pagefind's language-neutral code.
      expect(entry.languages.en!.wasm).toBe('en');
      expect(entry.languages.ru!.wasm).toBe('ru');
      expect(entry.languages.kk!.wasm).toBeNull();
      expect(entry.languages.kk!.page_count).toBe(entry.languages.en!.page_count);
      expect(existsSync(`${site}/pagefind/wasm.unknown.pagefind`)).toBe(true);
    });

    it('"кластер" finds the clusters chapter and other pages with the word, all of them Kazakh pages; its inflected forms find pages with them', async () => {
      const found = await query(kk, 'кластер');
      expect(urls(found)).toEqual(expect.arrayContaining(['/kk/clusters/', '/kk/state-support/', '/kk/']));
      // The clusters chapter is among the first results, which the header box shows.
      expect(urls(found).slice(0, 3)).toContain('/kk/clusters/');
      expect(found.every((f) => f.url.startsWith('/kk/')), urls(found).join(' ')).toBe(true);
      // Every page found has the word (the text Pagefind indexed for it, not its English or Russian version).
      for (const f of found) expect(hasWordStarting(f, 'кластер'), f.url).toBe(true);
      const marked = new Set(found.flatMap((f) => f.marked.flatMap(kazakhWords)));
      expect([...marked].some((word) => word.startsWith('кластер')), [...marked].join(' ')).toBe(true);
      // Each inflected form finds pages that have it, and the bare word finds some of them too. Not
      // asserted: that it finds every one. Pagefind matches an unstemmed word by prefix only within
      // the part of its index the word falls in, which depends on every other word of the site: the
      // build with ../shared found /kk/data-quality/ (only кластерлер… there) for «кластер», the
      // build without it did not (README, "Search").
      for (const form of ['кластердің', 'кластерлер', 'кластерлерді']) {
        const inflected = await query(kk, form);
        expect(inflected.length, form).toBeGreaterThan(0);
        for (const f of inflected) expect(hasWordStarting(f, form), `${form}: ${f.url}`).toBe(true);
        expect(urls(found).filter((url) => urls(inflected).includes(url)).length, form).toBeGreaterThan(0);
      }
      // In quotes, the word as written only.
      const exact = await query(kk, '"кластер"');
      expect(exact.length).toBeGreaterThan(0);
      for (const f of exact) expect(kazakhWords(f.content), f.url).toContain('кластер');
    });

    it('"өнім" (product, output) finds the chapters that use it: Baiterek crop production, the region, methodology, data quality', async () => {
      const found = await query(kk, 'өнім');
      expect(urls(found)).toEqual(expect.arrayContaining(['/kk/baiterek/', '/kk/region/', '/kk/methodology/', '/kk/data-quality/']));
      expect(found.every((f) => f.url.startsWith('/kk/')), urls(found).join(' ')).toBe(true);
      for (const f of found) expect(hasWordStarting(f, 'өнім'), f.url).toBe(true);
      // "Өнім" at the start of a sentence is the same word.
      expect(urls(await query(kk, 'Өнім'))).toEqual(urls(found));
    });

    it('"Бәйтерек", "бәйтерек" and "БӘЙТЕРЕК" find the same pages, the Baiterek chapter first', async () => {
      const found = await query(kk, 'Бәйтерек');
      expect(found[0]?.url).toBe('/kk/baiterek/');
      expect(found.every((f) => f.url.startsWith('/kk/')), urls(found).join(' ')).toBe(true);
      for (const f of found) expect(kazakhWords(f.content), f.url).toContain('бәйтерек');
      expect(urls(await query(kk, 'бәйтерек'))).toEqual(urls(found));
      expect(urls(await query(kk, 'БӘЙТЕРЕК'))).toEqual(urls(found));
    });

    it('matches whole words with each Kazakh letter, in either case', async () => {
      // ә, ө, ү, ұ, қ, ғ, ң, і (no page of the report has a word with һ).
      for (const word of ['дәнді', 'өсімдік', 'түсімділік', 'ұлттық', 'қазақстан', 'жоғары', 'мың', 'өңірлік', 'бірақ']) {
        const found = await query(kk, word);
        expect(found.length, word).toBeGreaterThan(0);
        for (const f of found) {
          expect(f.url.startsWith('/kk/'), `${word}: ${f.url}`).toBe(true);
          expect(hasWordStarting(f, word), `${word}: ${f.url}`).toBe(true);
        }
        expect(urls(await query(kk, word.toLocaleUpperCase('kk'))), word.toLocaleUpperCase('kk')).toEqual(urls(found));
        expect(urls(await query(kk, word[0]!.toLocaleUpperCase('kk') + word.slice(1))), word).toEqual(urls(found));
      }
    });

    it('shows Kazakh results on the search page, and the box finds "өнім" typed with a Latin i', async () => {
      const page = await context.newPage();
      const problems = await watch(page);
      await page.goto(`${served.url}/kk/search/?q=${encodeURIComponent('кластер')}`);
      await expect.poll(() => resultLinks(page, '#search-page-results'), { timeout: 20_000 }).toContainEqual(expect.stringMatching(/^\/kk\/clusters\//));
      const links = await resultLinks(page, '#search-page-results');
      expect(links.every((href) => href.startsWith('/kk/')), links.join(' ')).toBe(true);
      expect(await page.locator('#search-page-results .search-excerpt mark').count()).toBeGreaterThan(0);

      // "өнiм" with a Latin i (a keyboard without Kazakh letters) matches nothing in the index as
      // typed; the box searches it as "өнім" (scripts/browser/search.ts).
      expect(await query(page, 'өнiм')).toEqual([]);
      const expected = urls(await query(page, 'өнім')).slice(0, 6);
      await page.goto(`${served.url}/kk/`);
      await page.locator('#site-search-input').fill('өнiм');
      const panel = '#site-search-results';
      await expect.poll(async () => (await resultLinks(page, panel)).map((href) => href.replace(/#.*$/, '')), { timeout: 20_000 }).toEqual(expected);
      expect(await page.locator('#site-search-status').textContent()).toMatch(/\d/);
      expect(problems).toEqual([]);
      await page.close();
    });
  });
});
