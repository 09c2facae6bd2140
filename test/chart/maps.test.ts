/**
 * Maps end to end through the chart stage: where boundaries come from (REPORT_BOUNDARIES_DIR, or
 * the folder report.config.json names: ../shared/geo beside the project for this report), both
 * variants, and matching features by statistical code or name.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { boundaryFile, projectMap, resolveBoundariesDir } from '../../scripts/chart/boundaries.ts';
import { newStats } from '../../scripts/chart/chart-cache.ts';
import { renderCharts } from '../../scripts/chart/render-charts.ts';
import { memoryFiles } from '../../scripts/io.ts';
import { loadContent } from '../../scripts/load/load-content.ts';
import { createMarkdown } from '../../scripts/render/markdown.ts';
import { parsePages } from '../../scripts/validate/parse-pages.ts';
import { page } from '../helpers/fixture-project.ts';
import { ALL_TABLES, block, emptyDir, GEO_DIR, GEOGRAPHIES, HAS_GEO, KZ_REGIONS, markItems, marks, renderFigure, WKO_IDS, WKO_UNITS } from './chart-fixtures.ts';
import { LANGUAGES } from '../helpers/languages.ts';
import { tempDir } from '../helpers/temp-dir.ts';

/** Every page chapter 1, its figures numbered in order. */
const ONE_CHAPTER = { chapter: () => 1, section: () => undefined, figure: (page: { figureOrder: string[] }, id: string) => `1.${page.figureOrder.indexOf(id) + 1}`, table: (_page: unknown, i: number) => `1.${i + 1}` };

const REPO = path.resolve(import.meta.dirname, '../..');
/** What this report's report.config.json says ("boundaries"). */
const CONFIGURED = '../shared/geo';
const MAP = '```chart\nid: districts\ntitle: Districts\ntable: wko-values\npreset: map\n```\n';

async function mapStage(env: NodeJS.ProcessEnv) {
  const files = memoryFiles({ 'content/en/01-map.md': page('title: Map', MAP) });
  const pages = parsePages(createMarkdown(), await loadContent(files, LANGUAGES.codes));
  const figures = await renderCharts(pages, ALL_TABLES(), ONE_CHAPTER, { boundariesDir: resolveBoundariesDir(REPO, env, CONFIGURED), languages: LANGUAGES, cache: false, stats: newStats(), geographies: GEOGRAPHIES });
  const [figure] = [...figures.values()].flat();
  if (!figure) throw new Error('no figure');
  return figure.chart;
}

describe('boundaries folder', () => {
  it.skipIf(!HAS_GEO)('is the configured folder, or REPORT_BOUNDARIES_DIR, when it exists; none by default', () => {
    expect(resolveBoundariesDir(REPO, {}, CONFIGURED)).toBe(GEO_DIR);
    const maps = tempDir('maps');
    expect(resolveBoundariesDir(REPO, { REPORT_BOUNDARIES_DIR: maps }, CONFIGURED)).toBe(maps);
    expect(resolveBoundariesDir(REPO, {})).toBeUndefined();
    expect(resolveBoundariesDir('/nowhere/project', {}, CONFIGURED)).toBeUndefined();
  });

  it.skipIf(!HAS_GEO)('draws a choropleth from ../shared/geo when no variable is set', async () => {
    const chart = await mapStage({});
    expect(markItems(chart.svg, 'shape')).toBe(13);
    expect(chart.data.credits).toEqual(['Boundaries: geokz (A. Rodionov), CC BY 4.0, based on OCHA HDX COD-AB Kazakhstan']);
  });

  it('draws the tile grid when REPORT_BOUNDARIES_DIR is an empty folder', async () => {
    const chart = await mapStage({ REPORT_BOUNDARIES_DIR: emptyDir() });
    expect(marks(chart.svg, 'shape')).toBe(0);
    expect(markItems(chart.svg, 'rect')).toBe(13);
    expect(chart.data.credits).toEqual([]);
    // The same values, whichever way the map is drawn.
    expect(chart.data.view).toEqual((await mapStage({})).data.view);
  });
});

describe('tile grids', () => {
  it('give every unit its own place in the grid', () => {
    for (const geography of [KZ_REGIONS, WKO_UNITS]) {
      const places = geography.units.filter((u) => u.id !== 'south-kazakhstan').map((u) => u.tile.join(','));
      expect(new Set(places).size).toBe(places.length);
      for (const unit of geography.units) {
        expect(unit.tile[0]).toBeLessThan(geography.tiles.columns);
        expect(unit.tile[1]).toBeLessThan(geography.tiles.rows);
      }
    }
    expect(WKO_UNITS.units.map((u) => u.id).sort()).toEqual([...WKO_IDS].sort());
  });

  it('keep the places of units that are not shown', async () => {
    const { svg } = await renderFigure(block({ id: 'm', title: 'T', table: 'wko-values', preset: 'map', rows: ['uralsk', 'baiterek'], map: 'tiles' }));
    // 2 coloured tiles, 11 empty ones with their names
    expect(markItems(svg, 'rect')).toBe(13);
    expect(svg).toContain('>Syrym</text>');
  });

  it('outline a highlighted unit, over its colour, and name it in the description', async () => {
    const plain = await renderFigure(block({ id: 'm', title: 'T', table: 'wko-values', preset: 'map', map: 'tiles' }));
    const { svg, figure } = await renderFigure(block({ id: 'm', title: 'T', table: 'wko-values', preset: 'map', map: 'tiles', highlight: ['baiterek'] }));
    // One more rect: the outline, with no fill.
    expect(markItems(svg, 'rect')).toBe(markItems(plain.svg, 'rect') + 1);
    expect(svg).toMatch(/<path[^>]*fill-opacity="0"[^>]*stroke-width="2.5"|stroke-width="2.5"[^>]*fill-opacity="0"/);
    expect(figure.chart.description).toMatch(/ Outlined: Baiterek district\.$/);
    await expect(renderFigure(block({ id: 'm', title: 'T', table: 'wko-values', preset: 'map', map: 'tiles', rows: ['uralsk'], highlight: ['baiterek'] }))).rejects.toThrow('"highlight" names "baiterek", which is not on the map');
  });

  it.skipIf(!HAS_GEO)('outline a highlighted unit on a choropleth too', async () => {
    const { svg } = await renderFigure(block({ id: 'm', title: 'T', table: 'wko-values', preset: 'map', highlight: ['baiterek'] }), { boundariesDir: GEO_DIR });
    expect(marks(svg, 'shape')).toBe(2);
  });

  it('cannot show South Kazakhstan and Turkistan together', async () => {
    const regions = { id: 'old-new', title: 'T', unit: 'million tenge', decimals: 0, source: { ref: 'seed000' }, periods: ['2017'], rows: [{ id: 'south-kazakhstan', label: 'S', values: { '2017': 1 } }, { id: 'turkistan', label: 'T', values: { '2017': 2 } }] };
    const { tablesOf } = await import('./chart-fixtures.ts');
    await expect(renderFigure(block({ id: 'm', title: 'T', table: 'old-new', preset: 'map', map: 'tiles' }), { tables: tablesOf(regions) })).rejects.toThrow(
      '"south-kazakhstan" and "turkistan" are the same territory at different times and cannot be on one map',
    );
  });
});

describe('boundary files', () => {
  it.skipIf(!HAS_GEO)('match the 13 West Kazakhstan units and the 17 regions of 2018 by KATO code', () => {
    const wko = projectMap(boundaryFile(GEO_DIR, WKO_UNITS) ?? '', WKO_UNITS, 600, 420);
    expect([...wko.units.keys()].sort()).toEqual([...WKO_IDS].sort());
    const kz = projectMap(boundaryFile(GEO_DIR, KZ_REGIONS) ?? '', KZ_REGIONS, 600, 420);
    expect(kz.units.size).toBe(18); // 17 regions, and South Kazakhstan = Turkistan + Shymkent
    expect(kz.units.has('abay')).toBe(false);
    expect(kz.units.get('south-kazakhstan')?.features).toEqual([...(kz.units.get('turkistan')?.features ?? []), ...(kz.units.get('shymkent')?.features ?? [])].sort((a, b) => a - b));
    expect(kz.width).toBeLessThanOrEqual(600);
    expect(kz.height).toBeLessThanOrEqual(420);
  });

  it('match features by English name when a file has no KATO codes', () => {
    const dir = tempDir('geo');
    const square = (x: number, y: number) => [[[x, y], [x, y + 1], [x + 1, y + 1], [x + 1, y], [x, y]]];
    const features = [
      { type: 'Feature', properties: { ADM2_EN: 'Uralsk' }, geometry: { type: 'Polygon', coordinates: square(51, 51) } },
      { type: 'Feature', properties: { ADM2_EN: 'Burli' }, geometry: { type: 'Polygon', coordinates: square(53, 51) } },
    ];
    writeFileSync(path.join(dir, 'wko_adm2_2018.geojson'), JSON.stringify({ type: 'FeatureCollection', features }));
    const map = projectMap(boundaryFile(dir, WKO_UNITS) ?? '', WKO_UNITS, 600, 420);
    expect([...map.units.keys()]).toEqual(['uralsk', 'burli']);
    const uralsk = map.units.get('uralsk');
    expect(uralsk?.room).toBeGreaterThan(10);
  });
});
