/**
 * The real report, built once by test/global-setup.ts into .build/test-site: the pages exist,
 * charts are inlined, and the recomputed figures equal the paper's where the paper is right.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SITE as site, testSiteBuilt } from '../helpers/test-site.ts';

// The global setup builds the site while other files run.
await testSiteBuilt();

const read = (file: string) => readFileSync(`${site}/${file}`, 'utf8');

describe('the published report', () => {
  it('was built (see .build/test-site.log if not)', () => {
    const log = existsSync('.build/test-site.log') ? readFileSync('.build/test-site.log', 'utf8') : 'no log';
    expect(existsSync(`${site}/index.html`), log).toBe(true);
  });

  it('has a home page that lists the Baiterek chapter', () => {
    expect(read('index.html')).toContain('href="/en/baiterek/"');
    expect(read('en/index.html')).toContain('<html lang="en">');
  });

  it('inlines at least three SVG charts in the Baiterek chapter, each with a title and description', () => {
    const html = read('en/baiterek/index.html');
    const svgs = html.match(/<svg[^>]*class="chart-svg"[^>]*><title id="[^"]+">[^<]+<\/title><desc id="[^"]+">[^<]+<\/desc>/g) ?? [];
    expect(svgs.length).toBeGreaterThanOrEqual(3);
  });

  it('prints the paper\'s base-year indices recomputed from the raw values', () => {
    const html = read('en/baiterek/index.html');
    // The calculation list shows each computed number with its inputs.
    for (const formula of ['182.2 = 157.4 ÷ 86.4 × 100', '537.5 = 38.7 ÷ 7.2 × 100', '163.5 = 19,346.8 ÷ 11,830.5 × 100', '206.7 = 19,544.2 ÷ 9,456 × 100']) {
      expect(html).toContain(formula);
    }
  });

  it('shows Russian numbers with a decimal comma', () => {
    expect(read('ru/baiterek/index.html')).toContain('182,2');
  });

  it('publishes each table as CSV and JSON, and each figure as CSV and SVG', () => {
    expect(read('data/baiterek-harvest.csv').split('\n')[0]).toBe('row,label,2015,2016,2017,2018,2019');
    expect(JSON.parse(read('data/baiterek-harvest.json')).id).toBe('baiterek-harvest');
    const figure = read('en/baiterek/index.html').match(/<figure class="figure" id="([^"]+)"/)?.[1];
    expect(read(`en/baiterek/${figure}.csv`).split('\n')[0]).toBe('period,series,key,value');
    expect(read(`en/baiterek/${figure}.svg`)).toMatch(/^<\?xml/);
  });
});
