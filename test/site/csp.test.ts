/**
 * Every published page in Chromium, under its own Content-Security-Policy: with every chart made
 * interactive (Vega's interpreter, no eval), no CSP violation is reported, nothing logs an
 * error, and every resource the page asks for exists.
 */
import { existsSync } from 'node:fs';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, openChromium } from '../helpers/browser.ts';
import { serveFolder } from '../helpers/static-server.ts';
import { htmlPages, SITE } from './site-pages.ts';

/** Runs before any page script: records every violation the policy reports. */
const RECORD_VIOLATIONS = `
  window.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    window.__cspViolations.push(e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline') + ' at ' + e.sourceFile + ':' + e.lineNumber);
  });
`;

describe.skipIf(!hasChromium || !existsSync(`${SITE}/index.html`))('every page under its Content-Security-Policy', () => {
  let browser: Browser;
  let context: BrowserContext;
  let server: Awaited<ReturnType<typeof serveFolder>>;

  beforeAll(async () => {
    server = await serveFolder(SITE);
    browser = await openChromium();
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addInitScript(RECORD_VIOLATIONS);
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
  });

  it('reports no CSP violation, console error, page error or failed request on any page, with every chart interactive', async () => {
    const pages = htmlPages(SITE);
    expect(pages.length).toBeGreaterThan(5);
    const problems: string[] = [];
    let charts = 0;
    // Two pages at a time: the machine runs other test files too.
    const queue = [...pages];
    const worker = async () => {
      for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
        const url = `${server.url}/${file.replace(/index\.html$/, '')}`;
        const page = await context.newPage();
        page.on('console', (message) => {
          if (message.type() === 'error') problems.push(`${file}: console error: ${message.text()}`);
        });
        page.on('pageerror', (error) => problems.push(`${file}: ${error.message}`));
        page.on('requestfailed', (request) => problems.push(`${file}: request failed: ${request.url()}`));
        page.on('response', (response) => {
          if (response.status() >= 400) problems.push(`${file}: ${response.status()} for ${response.url()}`);
        });
        await page.goto(url, { waitUntil: 'load' });
        const containers = page.locator('.chart[data-chart]');
        const count = await containers.count();
        charts += count;
        for (let i = 0; i < count; i++) {
          const chart = containers.nth(i);
          await chart.scrollIntoViewIfNeeded();
          await expect.poll(() => chart.getAttribute('data-interactive'), { timeout: 15_000, message: `${file}: chart ${i + 1} becomes interactive` }).toBe('true');
        }
        const violations = await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);
        problems.push(...violations.map((v) => `${file}: CSP violation: ${v}`));
        await page.close();
      }
    };
    await Promise.all([worker(), worker()]);
    expect(problems).toEqual([]);
    expect(charts).toBeGreaterThan(0);
  }, 240_000);

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
});
