/**
 * The interactive comparison on the regions' index page (content/en/07-regions.md, `compare:`):
 * without JavaScript the chart shows the author's three rows and no control; with it, a checkbox
 * per region, by mouse or keyboard, draws or removes a line under the page's strict CSP, and a
 * pick past the number of colours is refused with a message; the address keeps the comparison.
 */
import { existsSync } from 'node:fs';
import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hasChromium, useSiteInBrowser } from '../helpers/browser.ts';
import { SITE as site, testSiteBuilt } from '../helpers/test-site.ts';

// The global setup builds the site while other files run.
await testSiteBuilt();

const page = '/en/regions/';

/** The legend's labels of the chart as drawn now, in their order. */
async function legend(figure: Locator): Promise<string[]> {
  return figure.locator('.chart svg').evaluate((svg) => [...svg.querySelectorAll('.role-legend-label text, g.role-legend text')].map((t) => t.textContent ?? '').filter((t) => t !== ''));
}

describe.skipIf(!hasChromium || !existsSync(`${site}/en/regions/index.html`))('comparing regions in one chart', () => {
  const served = useSiteInBrowser(site);

  it('shows the author\'s rows as a static chart without JavaScript, and no control', async () => {
    const context = await served.browser.newContext({ javaScriptEnabled: false });
    const tab = await context.newPage();
    await tab.goto(`${served.url}${page}`);
    const figure = tab.locator('#fig-grp-index-compare');
    const text = await figure.locator('.chart svg').textContent();
    for (const name of ['West Kazakhstan region', 'Atyrau region', 'Kazakhstan']) expect(text).toContain(name);
    expect(text).not.toContain('Akmola region');
    expect(await figure.locator('fieldset.chart-compare').isVisible()).toBe(false);
    await context.close();
  });

  it('draws a ticked region and removes an unticked one, by mouse and keyboard, under the CSP', async () => {
    const context = await served.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const tab = await context.newPage();
    const problems: string[] = [];
    tab.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    tab.on('pageerror', (error) => problems.push(error.message));
    await tab.goto(`${served.url}${page}`);
    const figure = tab.locator('#fig-grp-index-compare');
    await figure.scrollIntoViewIfNeeded();
    await expect.poll(() => figure.locator('.chart').getAttribute('data-interactive'), { timeout: 15_000 }).toBe('true');
    const control = figure.locator('fieldset.chart-compare');
    expect(await control.isVisible()).toBe(true);
    expect(await legend(figure)).toEqual(['West Kazakhstan region', 'Atyrau region', 'Kazakhstan']);

    await control.getByLabel('Akmola region').check();
    await expect.poll(() => legend(figure)).toEqual(['West Kazakhstan region', 'Atyrau region', 'Kazakhstan', 'Akmola region']);
    // The keyboard: Tab reaches the boxes, Space ticks the one in focus.
    await control.getByLabel('Mangystau region').focus();
    await tab.keyboard.press('Space');
    await expect.poll(() => legend(figure)).toEqual(['West Kazakhstan region', 'Atyrau region', 'Kazakhstan', 'Akmola region', 'Mangystau region']);
    await control.getByLabel('Atyrau region').uncheck();
    await expect.poll(() => legend(figure)).toEqual(['West Kazakhstan region', 'Kazakhstan', 'Akmola region', 'Mangystau region']);
    expect(await figure.locator('.chart svg .mark-line path').count()).toBe(4);
    // The address keeps the reader's comparison: a copied link opens with it.
    const url = new URL(tab.url());
    expect(url.searchParams.get('fig-grp-index-compare')).toBe('west-kazakhstan,kazakhstan,akmola,mangystau');
    await tab.goto(url.href);
    const again = tab.locator('#fig-grp-index-compare');
    await again.scrollIntoViewIfNeeded();
    await expect.poll(() => again.locator('.chart').getAttribute('data-interactive'), { timeout: 15_000 }).toBe('true');
    await expect.poll(() => legend(again)).toEqual(['West Kazakhstan region', 'Kazakhstan', 'Akmola region', 'Mangystau region']);
    expect(await again.locator('input:checked').evaluateAll((boxes) => boxes.map((b) => (b as HTMLInputElement).value).sort())).toEqual(['akmola', 'kazakhstan', 'mangystau', 'west-kazakhstan']);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('refuses one region more than it has colours for, and says so', async () => {
    const context = await served.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const tab = await context.newPage();
    await tab.goto(`${served.url}${page}`);
    const figure = tab.locator('#fig-grp-index-compare');
    await figure.scrollIntoViewIfNeeded();
    await expect.poll(() => figure.locator('.chart').getAttribute('data-interactive'), { timeout: 15_000 }).toBe('true');
    const control = figure.locator('fieldset.chart-compare');
    const max = Number(await control.getAttribute('data-max'));
    // Kazakhstan keeps its grey; the palette's eight colours go to the regions.
    expect(max).toBe(9);
    const boxes = control.locator('input[type="checkbox"]:not(:checked)');
    for (let shown = 3; shown < max; shown++) await boxes.first().check();
    expect(await control.locator('input:checked').count()).toBe(max);
    const limit = control.locator('.chart-compare-limit');
    expect(await limit.isVisible()).toBe(false);
    const extra = boxes.first();
    await extra.click();
    expect(await extra.isChecked()).toBe(false);
    expect(await limit.textContent()).toBe('At most 9 at a time: untick one to choose another.');
    expect(await limit.isVisible()).toBe(true);
    await expect.poll(() => legend(figure).then((labels) => labels.length)).toBe(max);
    await context.close();
  });
});
