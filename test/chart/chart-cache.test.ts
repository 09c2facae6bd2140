/**
 * The chart cache: a chart is rendered again exactly when its spec, data, theme or locale (or the
 * renderer) changed; prose edits, moved figures and unrelated tables reuse it. Renders are counted
 * through the stats object, never timed.
 */
import { readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cacheKey, diskCache, memoryCache, newStats, RENDERER_VERSION, UNUSED_ENTRY_DAYS, type ChartCache, type ChartStats } from '../../scripts/chart/chart-cache.ts';
import { renderCharts } from '../../scripts/chart/render-charts.ts';
import { THEME } from '../../scripts/chart/theme.ts';
import type { Tables } from '../../scripts/compute/table-access.ts';
import { memoryFiles } from '../../scripts/io.ts';
import { loadContent } from '../../scripts/load/load-content.ts';
import { createMarkdown } from '../../scripts/render/markdown.ts';
import { parsePages } from '../../scripts/validate/parse-pages.ts';
import { HARVEST_TABLE, page } from '../helpers/fixture-project.ts';
import { tablesOf } from './chart-fixtures.ts';
import { LANGUAGES } from '../helpers/languages.ts';
import { tempDir } from '../helpers/temp-dir.ts';

/** Every page chapter 1, its figures numbered in order. */
const ONE_CHAPTER = { chapter: () => 1, section: () => undefined, figure: (page: { figureOrder: string[] }, id: string) => `1.${page.figureOrder.indexOf(id) + 1}`, table: (_page: unknown, i: number) => `1.${i + 1}` };

const CHART = '```chart\nid: crops\ntitle: Cereals dominate\ntable: harvest\nrows: [cereals, sunflower]\n```\n';
const OTHER = '```chart\nid: totals\ntitle: The total\ntable: harvest\npreset: bar\nrows: [total]\n```\n';

interface Build {
  chapter?: string;
  locale?: string;
  tables?: Tables;
  theme?: typeof THEME;
}

/** Runs the chart stage on a one-chapter project; returns the stats of this run. */
async function chartStage(cache: ChartCache, { chapter = `Intro.\n\n${CHART}`, locale = 'en', tables = tablesOf(HARVEST_TABLE), theme }: Build = {}): Promise<ChartStats> {
  const files = memoryFiles({ [`content/${locale}/01-harvest.md`]: page('title: Harvest', chapter) });
  const pages = parsePages(createMarkdown(), await loadContent(files, LANGUAGES.codes));
  const stats = newStats();
  await renderCharts(pages, tables, ONE_CHAPTER, { cache, stats, theme, languages: LANGUAGES });
  return stats;
}

const changedHarvest = () => ({ ...HARVEST_TABLE, rows: HARVEST_TABLE.rows.map((r) => (r.id === 'sunflower' ? { ...r, values: { ...r.values, '2019': 38.8 } } : r)) });

describe('chart cache', () => {
  it('renders a chart once and reuses it when nothing changed', async () => {
    const cache = memoryCache();
    expect(await chartStage(cache)).toEqual({ rendered: 1, reused: 0 });
    expect(await chartStage(cache)).toEqual({ rendered: 0, reused: 1 });
  });

  it('reuses charts when only the prose, the figure\'s place or an unrelated table changed', async () => {
    const cache = memoryCache();
    await chartStage(cache, { chapter: `Intro.\n\n${CHART}\n${OTHER}` });
    // Other text, and the figures swapped (their numbers change, their SVGs do not).
    expect(await chartStage(cache, { chapter: `A new first paragraph.\n\nAnd another.\n\n${OTHER}\n${CHART}` })).toEqual({ rendered: 0, reused: 2 });
    const unrelated = { ...HARVEST_TABLE, id: 'other-table', title: 'Other' };
    expect(await chartStage(cache, { chapter: `Intro.\n\n${CHART}\n${OTHER}`, tables: tablesOf(HARVEST_TABLE, unrelated) })).toEqual({ rendered: 0, reused: 2 });
  });

  it('renders again when the data changed, and only the charts that plot it', async () => {
    const cache = memoryCache();
    await chartStage(cache, { chapter: `${CHART}\n${OTHER}` });
    // Sunflower 2019 is in "crops", not in "totals".
    expect(await chartStage(cache, { chapter: `${CHART}\n${OTHER}`, tables: tablesOf(changedHarvest()) })).toEqual({ rendered: 1, reused: 1 });
  });

  it('renders again when the spec changed: title, rows, preset or options', async () => {
    const cache = memoryCache();
    await chartStage(cache);
    for (const chapter of [
      CHART.replace('Cereals dominate', 'Cereals still dominate'),
      CHART.replace('rows: [cereals, sunflower]', 'rows: [sunflower, cereals]'),
      CHART.replace('rows:', 'preset: bar\nrows:'),
      CHART.replace('rows:', 'height: 200\nrows:'),
    ]) {
      expect(await chartStage(cache, { chapter })).toEqual({ rendered: 1, reused: 0 });
    }
  });

  it('renders again when the theme or the locale changed', async () => {
    const cache = memoryCache();
    await chartStage(cache);
    expect(await chartStage(cache, { theme: { ...THEME, font: 'Georgia, serif' } })).toEqual({ rendered: 1, reused: 0 });
    expect(await chartStage(cache, { locale: 'ru' })).toEqual({ rendered: 1, reused: 0 });
    expect(await chartStage(cache, { locale: 'ru' })).toEqual({ rendered: 0, reused: 1 });
  });

  it('keys on the renderer: Vega and Vega-Lite versions and the chart code', () => {
    expect(RENDERER_VERSION).toMatch(/^vega 6\.\d+\.\d+; vega-lite 6\.\d+\.\d+; chart code [0-9a-f]{16}$/);
    expect(cacheKey({ a: 1 })).not.toBe(cacheKey({ a: 1 }, `${RENDERER_VERSION}x`));
    // Key order in a spec does not matter; values do.
    expect(cacheKey({ a: 1, b: [1, 2] })).toBe(cacheKey({ b: [1, 2], a: 1 }));
    expect(cacheKey({ a: 1, b: [1, 2] })).not.toBe(cacheKey({ a: 1, b: [2, 1] }));
  });

  it('keeps entries on disk across builds, and treats a damaged entry as missing', async () => {
    const dir = tempDir('chart-cache');
    expect(await chartStage(diskCache(dir))).toEqual({ rendered: 1, reused: 0 });
    expect(await chartStage(diskCache(dir))).toEqual({ rendered: 0, reused: 1 });
    const [sub] = readdirSync(dir);
    const entry = path.join(dir, sub ?? '', readdirSync(path.join(dir, sub ?? ''))[0] ?? '');
    expect(JSON.parse(readFileSync(entry, 'utf8')).svg).toMatch(/^<svg /);
    writeFileSync(entry, '{"key": "trunc');
    expect(await chartStage(diskCache(dir))).toEqual({ rendered: 1, reused: 0 });
    expect(await chartStage(diskCache(dir))).toEqual({ rendered: 0, reused: 1 });
    // No temporary files are left behind.
    expect(readdirSync(path.join(dir, sub ?? '')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it(`removes entries no build used for ${UNUSED_ENTRY_DAYS} days; a build that uses one keeps it`, async () => {
    const dir = tempDir('chart-cache');
    const cache = diskCache(dir);
    await cache.set('aa01', { vega: '{}', svg: '<svg/>' });
    await cache.set('bb02', { vega: '{}', svg: '<svg/>' });
    const old = new Date(Date.now() - (UNUSED_ENTRY_DAYS + 1) * 86_400_000);
    for (const key of ['aa01', 'bb02']) utimesSync(path.join(dir, key.slice(0, 2), `${key}.json`), old, old);
    // A build used aa01 (a hit marks it), not bb02.
    expect(await cache.get('aa01')).toEqual({ vega: '{}', svg: '<svg/>' });
    expect(await cache.prune()).toBe(1);
    expect(await cache.get('aa01')).toBeDefined();
    expect(await cache.get('bb02')).toBeUndefined();
    expect(await cache.prune()).toBe(0);
  });

  it('gives the same figure from the cache as from rendering', async () => {
    const files = memoryFiles({ 'content/en/01-harvest.md': page('title: Harvest', CHART) });
    const pages = parsePages(createMarkdown(), await loadContent(files, LANGUAGES.codes));
    const cache = memoryCache();
    const first = await renderCharts(pages, tablesOf(HARVEST_TABLE), ONE_CHAPTER, { cache, languages: LANGUAGES });
    const second = await renderCharts(pages, tablesOf(HARVEST_TABLE), ONE_CHAPTER, { cache, languages: LANGUAGES });
    const [a] = [...first.values()].flat();
    const [b] = [...second.values()].flat();
    expect(b?.chart.svg).toBe(a?.chart.svg);
    expect(b?.chart.vega).toEqual(a?.chart.vega);
  });
});
