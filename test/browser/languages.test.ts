/**
 * The language editions in a reader's browser: numbers in the Russian text are written the
 * Russian way, and the language switcher leads to the same page in the other language (a chapter
 * not yet translated into Kazakh is shown in English, with a note in Kazakh).
 */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hasChromium, useSiteInBrowser } from '../helpers/browser.ts';
import { SITE as site, testSiteBuilt } from '../helpers/test-site.ts';

// The global setup builds the site while other files run.
await testSiteBuilt();


describe.skipIf(!hasChromium || !existsSync(`${site}/index.html`))('language editions', () => {
  const served = useSiteInBrowser(site);

  it('shows the base index of the cereal harvest as 182,2 on the Russian Baiterek page, and 182.2 on the English one', async () => {
    const context = await served.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${served.url}/ru/baiterek/`);
    expect(await page.locator('html').getAttribute('lang')).toBe('ru');
    const russian = await page.locator('main').innerText();
    expect(russian).toContain('182,2');
    expect(russian).not.toMatch(/\b182\.2\b/);
    await page.goto(`${served.url}/en/baiterek/`);
    expect(await page.locator('main').innerText()).toContain('182.2');
    await context.close();
  });

  it('switches to the same page in the other language, and back', async () => {
    const context = await served.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    for (const path of ['baiterek/', 'data/', 'references/', 'quality/', '', 'search/']) {
      await page.goto(`${served.url}/en/${path}`);
      await page.locator('.language-switcher a[hreflang="ru"]').click();
      await page.waitForURL(`${served.url}/ru/${path}`);
      expect(await page.locator('html').getAttribute('lang')).toBe('ru');
      expect(await page.locator('.language-switcher [aria-current="page"]').textContent()).toBe('RU');
      await page.locator('.language-switcher a[hreflang="en"]').click();
      await page.waitForURL(`${served.url}/en/${path}`);
    }
    await context.close();
  });

  it('goes to the Kazakh page too; a chapter not yet translated shows the English text with a note in Kazakh', async () => {
    const context = await served.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${served.url}/ru/baiterek/`);
    await page.locator('.language-switcher a[hreflang="kk"]').click();
    await page.waitForURL(`${served.url}/kk/baiterek/`);
    expect(await page.locator('html').getAttribute('lang')).toBe('kk');
    const canonical = await page.locator('link[rel="canonical"]').getAttribute('href');
    if ((await page.locator('article.chapter').getAttribute('lang')) === 'en') {
      const note = page.locator('.untranslated-note');
      expect(await note.getAttribute('lang')).toBe('kk');
      expect(await note.textContent()).toMatch(/аударылмаған/);
      // The English original is the page search engines should index.
      expect(canonical).toMatch(/\/en\/baiterek\/$/);
    } else {
      expect(await page.locator('.untranslated-note').count()).toBe(0);
      expect(canonical).toMatch(/\/kk\/baiterek\/$/);
    }
    await context.close();
  });
});
