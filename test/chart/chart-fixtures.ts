/** Tables, blocks and helpers for the chart tests: small tables written here, rendered in memory. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Tables } from '../../scripts/compute/table-access.ts';
import { ChartBlock } from '../../scripts/chart/chart-block.ts';
import { memoryCache, newStats } from '../../scripts/chart/chart-cache.ts';
import { keepCompiledSchemaIn } from '../../scripts/chart/check-spec.ts';
import { prepareFigure, renderChart, type RenderOptions } from '../../scripts/chart/render-chart.ts';
import { figureAnchor } from '../../scripts/validate/figure-anchor.ts';
import type { RenderJob } from '../../scripts/chart/render-job.ts';
import { computeReferences } from '../../scripts/compute/compute-references.ts';
import { createMarkdown } from '../../scripts/render/markdown.ts';
import { parsePages } from '../../scripts/validate/parse-pages.ts';
import type { Figure } from '../../scripts/chart/render-charts.ts';
import { figureHtml } from '../../scripts/render/figure-html.ts';
import { Table } from '../../scripts/validate/table-schema.ts';
import { HARVEST_TABLE } from '../helpers/fixture-project.ts';
import { lang, LANGUAGES } from '../helpers/languages.ts';
import { reportConfig, reportGeographies, reportPages, reportTables } from '../helpers/real-report.ts';
import { tempDir } from '../helpers/temp-dir.ts';

/** The report's own geographies (data/geographies/): Kazakhstan's regions and West Kazakhstan's units. */
export const GEOGRAPHIES = await reportGeographies();
export const KZ_REGIONS = GEOGRAPHIES.get('kz-regions')!;
export const WKO_UNITS = GEOGRAPHIES.get('wko-units')!;

/** The report's series colours (report.config.json), as its charts use them. */
export const REPORT_COLOURS = (await reportConfig()).colours;
export { LANGUAGES };

// The compiled Vega-Lite schema, shared with builds: compiling it again costs seconds per test file.
keepCompiledSchemaIn(path.resolve(import.meta.dirname, '../../.cache/vega-lite'));

/** The boundaries folder beside the project (present here and in CI). */
export const GEO_DIR = path.resolve(import.meta.dirname, '../../../shared/geo');
/** The boundary files are never part of the repository: tests that draw on them are skipped in a clone without them. */
export const HAS_GEO = existsSync(GEO_DIR);

export const WKO_IDS = ['uralsk', 'akzhaik', 'burli', 'zhanakala', 'zhanybek', 'baiterek', 'kaztalovka', 'karatobe', 'bokeyorda', 'syrym', 'taskala', 'terekti', 'chingirlau'];
export const KZ_2019_IDS = ['akmola', 'aktobe', 'almaty-region', 'atyrau', 'west-kazakhstan', 'zhambyl', 'karaganda', 'kostanay', 'kyzylorda', 'mangystau', 'pavlodar', 'north-kazakhstan', 'east-kazakhstan', 'astana', 'almaty-city', 'turkistan', 'shymkent'];

const source = { ref: 'seed000', locator: 'Table 1' };

export const TABLES = {
  harvest: HARVEST_TABLE,
  indices: {
    id: 'indices',
    title: 'Volume indices',
    unit: '% of previous year',
    decimals: 1,
    source,
    periods: ['2016', '2017', '2018'],
    rows: [
      { id: 'crops', label: 'Crop output', values: { '2016': 141.2, '2017': 88.9, '2018': 80.3 } },
      { id: 'livestock', label: 'Livestock output', values: { '2016': 100.1, '2017': 110.3, '2018': 111.4 } },
    ],
  },
  // A value per West Kazakhstan unit: 10, 20, … in the order of WKO_IDS.
  wkoValues: {
    id: 'wko-values',
    title: 'Output per district',
    unit: 'million tenge',
    decimals: 1,
    source,
    periods: ['2020'],
    rows: WKO_IDS.map((id, i) => ({ id, label: `${id[0]?.toUpperCase()}${id.slice(1)} district`, role: 'component', values: { '2020': (i + 1) * 10.5 } })),
  },
  // Regions of Kazakhstan, with a region created in 2022.
  regions: {
    id: 'regions',
    title: 'Farm output by region',
    unit: 'million tenge',
    decimals: 0,
    source,
    periods: ['2019', '2022'],
    rows: [
      { id: 'kazakhstan', label: 'Kazakhstan', role: 'total', values: { '2019': 17000, '2022': 20400 } },
      ...KZ_2019_IDS.map((id, i) => ({ id, label: `Region ${id}`, role: 'component', values: { '2019': 1000 + i * 10, '2022': 1100 + i * 10 } })),
      { id: 'abay', label: 'Abay region', role: 'component', values: { '2019': null, '2022': 230 }, missing: { '2019': 'created in 2022' } },
    ],
  },
  regionsGrp: {
    id: 'regions-grp',
    title: 'Gross product by region',
    unit: 'million tenge',
    decimals: 0,
    source: { ref: 'seed001' },
    periods: ['2019', '2022'],
    rows: [
      { id: 'kazakhstan', label: 'Kazakhstan', role: 'total', values: { '2019': 170000, '2022': 204000 } },
      ...KZ_2019_IDS.map((id, i) => ({ id, label: `Region ${id}`, role: 'component', values: { '2019': 10000 - i * 100, '2022': 11000 - i * 100 } })),
      { id: 'abay', label: 'Abay region', role: 'component', values: { '2019': null, '2022': 2300 }, missing: { '2019': 'created in 2022' } },
    ],
  },
  classes: {
    id: 'classes',
    kind: 'text',
    title: 'Typology of the units',
    source,
    columns: [
      { id: 'name', label: 'Name in the paper' },
      { id: 'level', label: { en: 'Development level', ru: 'Уровень развития' } },
    ],
    rows: WKO_IDS.map((id, i) => ({
      id,
      label: `${id} unit`,
      cells: { name: id, level: i === 5 ? { en: 'High (third, after Uralsk and Burli)', ru: 'Высокий (третий)' } : i % 3 === 0 ? { en: 'High', ru: 'Высокий' } : i % 3 === 1 ? { en: 'Low', ru: 'Низкий' } : { en: 'Average', ru: 'Средний' } },
    })),
  },
  matrix: {
    id: 'matrix',
    kind: 'text',
    title: 'Programmes by purpose',
    source,
    columns: [
      { id: 'period', label: 'Period' },
      { id: 'sales', label: 'Sales growth' },
      { id: 'investment', label: 'Investment growth' },
      { id: 'digital', label: 'Digital competencies' },
    ],
    rows: [
      { id: 'industry', label: 'Industrial programme', cells: { period: '2020–2025', sales: '✓', investment: '✓', digital: null } },
      { id: 'export', label: 'Export strategy', cells: { period: null, sales: '✓', investment: null, digital: null } },
      { id: 'digital', label: 'Digital Kazakhstan', cells: { period: '2018–2022', sales: null, investment: null, digital: '✓' } },
    ],
  },
} as const;

export function tablesOf(...raw: unknown[]): Tables {
  return new Map(raw.map((t) => {
    const table = Table.parse(t);
    return [table.id, { table, file: `data/${table.id}.json` }] as const;
  }));
}

export const ALL_TABLES = () => tablesOf(...Object.values(TABLES));

export const block = (yaml: Record<string, unknown>) => ChartBlock.parse(yaml);

export interface RenderedFigure {
  figure: Figure;
  html: string;
  svg: string;
}

const references = new Map([['seed000', { id: 'seed000', type: 'article-journal', title: 'A study', author: [{ family: 'Imashev' }], issued: { 'date-parts': [[2016]] } }]]) as never;

export async function renderFigure(b: ChartBlock, options: RenderOptions & { tables?: Tables; locale?: string; date?: string } = {}): Promise<RenderedFigure> {
  const locale = options.locale ?? 'en';
  const chart = await renderChart(b, options.tables ?? ALL_TABLES(), { file: 'content/en/01-test.md', line: 5, language: lang(locale), anchor: `fig-${b.id}` }, { cache: memoryCache(), stats: newStats(), geographies: GEOGRAPHIES, colours: REPORT_COLOURS, ...options });
  const figure: Figure = { id: b.id, anchor: `fig-${b.id}`, number: '1.1', pageFile: 'content/en/01-test.md', chart, citation: { report: 'Test report', ...(options.date ? { date: options.date } : {}) } };
  return { figure, html: figureHtml(figure, lang(locale), references, `/${locale}/test/`), svg: chart.svg };
}

/** The Data view as text: header row, then each row's label and cells. */
export function dataView(html: string): string[][] {
  const table = /<details class="figure-data">[\s\S]*?<table[^>]*>([\s\S]*?)<\/table>/.exec(html)?.[1] ?? '';
  return [...table.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((row) => [...(row[1] ?? '').matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((cell) => decode(cell[1] ?? '')));
}

const decode = (s: string) => s.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'");

/** Count of SVG groups of a mark type ("line", "rect", "symbol", "shape", "text", "rule"). */
export function marks(svg: string, type: string): number {
  return (svg.match(new RegExp(`class="mark-${type}"`, 'g')) ?? []).length;
}

/** Drawn items of a mark type: paths inside its groups. */
export function markItems(svg: string, type: string): number {
  const groups = svg.split(`class="mark-${type}"`).slice(1);
  return groups.reduce((n, g) => n + (g.slice(0, g.indexOf('</g>')).match(/<(path|text|line)\b/g) ?? []).length, 0);
}

export function accessible(svg: string, id: string, title: string): boolean {
  return svg.includes(`role="img" aria-labelledby="fig-${id}-svg-title" aria-describedby="fig-${id}-svg-desc"><title id="fig-${id}-svg-title">${title}</title><desc id="fig-${id}-svg-desc">`);
}

export const emptyDir = () => tempDir('no-boundaries');

/** Every chart of the real report, prepared as the chart stage prepares it (see bench/chart-stage.ts). */
export async function realReportJobs(): Promise<Array<RenderJob & { preset: string }>> {
  const config = await reportConfig();
  const pages = parsePages(createMarkdown(), await reportPages(config));
  const tables = await reportTables(config);
  computeReferences(pages, tables, config.languages);
  const options = { boundariesDir: config.boundariesDir, geographies: await reportGeographies(config), colours: config.colours };
  return pages.flatMap((page) =>
    page.charts.map((site) => ({ ...prepareFigure(site.block, tables, { file: page.source.file, line: site.line, language: config.languages.get(page.source.locale), anchor: figureAnchor(site.block.id) }, options).job, preset: site.block.preset })),
  );
}
