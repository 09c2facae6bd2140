/**
 * Every page as readers with assistive technology and phones get it: axe-core finds no serious or
 * critical violation (light and dark colour schemes, and with search results open), and no page
 * scrolls sideways on a 360 px wide phone.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, openChromium } from '../helpers/browser.ts';
import { serveFolder } from '../helpers/static-server.ts';
import { eachLimited, pagePaths, SITE } from './pages.ts';

const AXE = readFileSync('node_modules/axe-core/axe.min.js', 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[]; within: string[] }>;
}

/**
 * Violations the site still has, each with where the fix belongs, matched by rule and by the
 * elements it names (so the same rule elsewhere still fails). The test fails when an entry is no
 * longer needed, so the list only shrinks.
 */
const KNOWN_ISSUES: Record<string, { within: string; fix: string }> = {};
const seenKnown = new Set<string>();

/** Serious and critical violations on the page as it is now, one line each (known issues left out). */
async function axeProblems(page: Page, label: string): Promise<string[]> {
  // The context bypasses the CSP so that axe (an inline script here) may run; the pages' own
  // scripts run under it as usual in the CSP test (test/site/csp.test.ts).
  await page.addScriptTag({ content: AXE });
  const violations = await page.evaluate(async (containers: string[]) => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    // Which of the known issues' containers each element is in.
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target, within: containers.filter((c) => document.querySelector(n.target.join(' '))?.closest(c)) })),
    }));
  }, Object.values(KNOWN_ISSUES).map((k) => k.within));
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => {
      const known = KNOWN_ISSUES[v.id];
      if (!known) return v;
      const nodes = v.nodes.filter((n) => !n.within.includes(known.within));
      if (nodes.length < v.nodes.length) seenKnown.add(v.id);
      return { ...v, nodes };
    })
    .filter((v) => v.nodes.length > 0)
    .map((v) => `${label}: ${v.id} (${v.impact}) ${v.help}: ${v.nodes.length} × e.g. ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

describe.skipIf(!hasChromium || !existsSync(`${SITE}/index.html`))('accessibility and small screens', () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof serveFolder>>;
  const pages = existsSync(SITE) ? pagePaths() : [];

  beforeAll(async () => {
    server = await serveFolder(SITE);
    browser = await openChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function everyPage(context: BrowserContext, check: (page: Page, path: string) => Promise<string[]>): Promise<string[]> {
    const problems: string[] = [];
    await eachLimited(pages, 2, async (path) => {
      const page = await context.newPage();
      await page.goto(`${server.url}${path}`, { waitUntil: 'load' });
      problems.push(...(await check(page, path)));
      await page.close();
    });
    return problems;
  }

  it('has no serious or critical axe-core violation on any page (light colour scheme)', async () => {
    expect(pages.length).toBeGreaterThan(20);
    const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 }, colorScheme: 'light' });
    expect(await everyPage(context, (page, path) => axeProblems(page, path))).toEqual([]);
    await context.close();
  }, 300_000);

  it('has no serious or critical axe-core violation in the dark colour scheme, nor with search results open', async () => {
    const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 }, colorScheme: 'dark' });
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

  it('still needs every entry of its list of known issues', () => {
    // Runs after the axe tests above (vitest keeps the order within a file).
    expect(Object.keys(KNOWN_ISSUES).filter((id) => !seenKnown.has(id))).toEqual([]);
  });

  it('never scrolls sideways at 360 px wide', async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true });
    const problems = await everyPage(context, async (page, path) => {
      const overflow = await page.evaluate(() => {
        const width = document.documentElement.clientWidth;
        if (document.documentElement.scrollWidth <= width) return null;
        // Name the widest culprits: elements reaching past the right edge outside a scroll box.
        const culprits = [...document.querySelectorAll('body *')]
          .filter((el) => el.getBoundingClientRect().right > width + 1 && !el.closest('.table-scroll, .chapter > table, pre'))
          .slice(0, 3)
          .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} (right edge ${Math.round(el.getBoundingClientRect().right)} px)`);
        return { scrollWidth: document.documentElement.scrollWidth, width, culprits };
      });
      return overflow ? [`${path}: ${overflow.scrollWidth} px wide at ${overflow.width} px: ${overflow.culprits.join(', ')}`] : [];
    });
    expect(problems).toEqual([]);
    await context.close();
  }, 300_000);
});
