/**
 * The Baiterek chapter as a reader's browser shows it: static SVG charts without JavaScript;
 * with JavaScript, interactive charts with tooltips, no console errors and no CSP violations.
 */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hasChromium, useSiteInBrowser } from '../helpers/browser.ts';
import { SITE as site, testSiteBuilt } from '../helpers/test-site.ts';

// The global setup builds the site while other files run.
await testSiteBuilt();


describe.skipIf(!hasChromium || !existsSync(`${site}/index.html`))('charts in the browser', () => {
  const served = useSiteInBrowser(site);

  it('shows every chart as SVG with JavaScript off', async () => {
    const context = await served.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${served.url}/en/baiterek/`);
    const charts = page.locator('.chart svg.chart-svg');
    expect(await charts.count()).toBeGreaterThanOrEqual(3);
    const box = await charts.first().boundingBox();
    expect(box?.width).toBeGreaterThan(200);
    expect(box?.height).toBeGreaterThan(100);
    await context.close();
  });

  it('makes charts interactive with a formatted tooltip, without console errors or CSP violations', async () => {
    const context = await served.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(`${served.url}/en/baiterek/`);
    const first = page.locator('.chart[data-chart]').first();
    await first.scrollIntoViewIfNeeded();
    await expect.poll(() => first.getAttribute('data-interactive'), { timeout: 15_000 }).toBe('true');
    const before = await first.boundingBox();
    // Hover the first data point of the first line: the tooltip shows its value as the locale formats it.
    const point = first.locator('svg path[aria-roledescription], svg .mark-symbol path').first();
    const pointBox = await point.boundingBox();
    expect(pointBox).not.toBeNull();
    await page.mouse.move(pointBox!.x + pointBox!.width / 2, pointBox!.y + pointBox!.height / 2);
    const tooltip = page.locator('#vg-tooltip-element');
    await expect.poll(() => tooltip.textContent(), { timeout: 5_000 }).toMatch(/\d+\.\d/);
    const after = await first.boundingBox();
    expect(Math.abs((after?.height ?? 0) - (before?.height ?? 0))).toBeLessThan(2);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('lays a chart out again on a phone, so that its text keeps its size', async () => {
    const context = await served.browser.newContext({ viewport: { width: 390, height: 800 } });
    const page = await context.newPage();
    // What the reader sees of 11 px text: the font size times the scale the SVG is drawn at.
    const drawn = (chart: ReturnType<typeof page.locator>) =>
      chart.evaluate((element) => {
        const svg = element.querySelector('svg') as SVGSVGElement;
        const scale = svg.getBoundingClientRect().width / Number(svg.getAttribute('width'));
        const sizes = [...svg.querySelectorAll('text')].map((text) => Number.parseFloat(getComputedStyle(text).fontSize));
        return { scale, text: Math.min(...sizes) * scale, right: svg.getBoundingClientRect().right };
      });
    // Figure 3.2 (a line chart with direct labels): the static SVG is scaled to about half.
    await page.goto(`${served.url}/en/baiterek/`);
    const line = page.locator('#fig-volume-indices .chart[data-chart]');
    const before = await drawn(line);
    expect(before.scale).toBeLessThan(0.6);
    await line.scrollIntoViewIfNeeded();
    await expect.poll(() => line.getAttribute('data-interactive'), { timeout: 15_000 }).toBe('true');
    const after = await drawn(line);
    expect(after.scale).toBeGreaterThan(0.95);
    expect(after.text).toBeGreaterThanOrEqual(10);
    expect(after.right).toBeLessThanOrEqual(390);
    // Figure 2.1 in Russian (stacked bars): its legend, one row under the plot, wraps into columns.
    await page.goto(`${served.url}/ru/region/`);
    const bars = page.locator('#fig-grp-structure .chart[data-chart]');
    await bars.scrollIntoViewIfNeeded();
    await expect.poll(() => bars.getAttribute('data-interactive'), { timeout: 15_000 }).toBe('true');
    expect((await drawn(bars)).scale).toBeGreaterThan(0.95);
    await context.close();
  });
});
