/**
 * Every published page in Chromium as a reader gets it (of the pages a template made, the first and
 * the last: test/site/site-pages.ts), one visit each:
 * - under its own Content-Security-Policy, with every chart made interactive (Vega's interpreter,
 *   no eval): no CSP violation, nothing logged as an error, every resource it asks for exists;
 * - then, charts live, axe-core finds no serious or critical violation (light colour scheme);
 * - then, narrowed to a 360 px phone, it never scrolls sideways.
 * The dark colour scheme and the search results: accessibility.test.ts.
 */
import { existsSync } from 'node:fs';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, openChromium } from '../helpers/browser.ts';
import { serveFolder } from '../helpers/static-server.ts';
import { browserSample } from '../site/site-pages.ts';
import { axeProblems, KNOWN_ISSUES, seenKnown, sidewaysScroll } from './axe.ts';
import { eachLimited, pagePaths, SITE } from './pages.ts';
import { testSiteBuilt } from '../helpers/test-site.ts';

// The global setup builds the site while other files run.
await testSiteBuilt();

/** Runs before any page script: records every violation the policy reports. */
const RECORD_VIOLATIONS = `
  window.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    window.__cspViolations.push(e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline') + ' at ' + e.sourceFile + ':' + e.lineNumber);
  });
`;

describe.skipIf(!hasChromium || !existsSync(`${SITE}/index.html`))('every page in the browser', () => {
  let browser: Browser;
  let context: BrowserContext;
  let server: Awaited<ReturnType<typeof serveFolder>>;

  beforeAll(async () => {
    server = await serveFolder(SITE);
    browser = await openChromium();
    context = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: 'light' });
    await context.addInitScript(RECORD_VIOLATIONS);
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
  });

  it('keeps to its Content-Security-Policy with every chart interactive, has no serious axe-core violation, and never scrolls sideways at 360 px', async () => {
    const pages = browserSample(pagePaths());
    expect(pages.length).toBeGreaterThan(20);
    // A template's first and last page, not those between (the regions' profiles here).
    expect(pages.filter((p) => p.startsWith('/en/regions/'))).toEqual(['/en/regions/', '/en/regions/akmola/', '/en/regions/zhambyl/']);
    const problems: string[] = [];
    let charts = 0;
    await eachLimited(pages, 2, async (path) => {
      const page = await context.newPage();
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(`${path}: console error: ${message.text()}`);
      });
      page.on('pageerror', (error) => problems.push(`${path}: ${error.message}`));
      page.on('requestfailed', (request) => problems.push(`${path}: request failed: ${request.url()}`));
      page.on('response', (response) => {
        if (response.status() >= 400) problems.push(`${path}: ${response.status()} for ${response.url()}`);
      });
      await page.goto(`${server.url}${path}`, { waitUntil: 'load' });
      const containers = page.locator('.chart[data-chart]');
      const count = await containers.count();
      charts += count;
      for (let i = 0; i < count; i++) {
        const chart = containers.nth(i);
        await chart.scrollIntoViewIfNeeded();
        await expect.poll(() => chart.getAttribute('data-interactive'), { timeout: 15_000, message: `${path}: chart ${i + 1} becomes interactive` }).toBe('true');
      }
      const violations = await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);
      problems.push(...violations.map((v) => `${path}: CSP violation: ${v}`));
      problems.push(...(await axeProblems(page, path)));
      await page.setViewportSize({ width: 360, height: 740 });
      problems.push(...(await sidewaysScroll(page, `${path} (360 px)`)));
      await page.close();
    });
    expect(problems).toEqual([]);
    expect(charts).toBeGreaterThan(0);
  }, 300_000);

  it('still needs every entry of its list of known accessibility issues', () => {
    // Runs after the visits above (vitest keeps the order within a file).
    expect(Object.keys(KNOWN_ISSUES).filter((id) => !seenKnown.has(id))).toEqual([]);
  });

  it('would report a violation: an inline script is blocked and recorded', async () => {
    // The listener is live: a page that breaks the policy is caught, so silence above means something.
    const page = await context.newPage();
    await page.goto(`${server.url}/en/`);
    const violations = await page.evaluate(async () => {
      const script = document.createElement('script');
      script.textContent = 'window.__ran = true';
      document.body.append(script);
      await new Promise((resolve) => setTimeout(resolve, 100));
      return { ran: (window as unknown as { __ran?: boolean }).__ran === true, recorded: (window as unknown as { __cspViolations: string[] }).__cspViolations };
    });
    expect(violations.ran).toBe(false);
    expect(violations.recorded.join('\n')).toMatch(/script-src/);
    await page.close();
  });

  it('would report an axe-core violation and a page that scrolls sideways', async () => {
    // Both checks see what they look for: an image without a name, a block wider than the phone.
    const page = await context.newPage();
    await page.goto(`${server.url}/en/`);
    await page.evaluate(() => {
      const input = document.createElement('input');
      input.type = 'image';
      document.querySelector('main')!.append(input);
      const wide = document.createElement('div');
      wide.className = 'too-wide';
      wide.style.width = '900px';
      wide.style.height = '10px';
      document.querySelector('main')!.append(wide);
    });
    expect((await axeProblems(page, '/en/')).join('\n')).toMatch(/input-image-alt \(critical\)/);
    await page.setViewportSize({ width: 360, height: 740 });
    expect((await sidewaysScroll(page, '/en/')).join('\n')).toMatch(/div\.too-wide/);
    await page.close();
  });
});
