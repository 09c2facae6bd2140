/**
 * The report pipeline, one call per stage:
 *
 *   content/*.md ─┐
 *                 ├─ 1 load ─ 2 validate ─ 3 compute ─ 4 chart ─ 5 render ─ 6 write ─▶ _site/
 *   data/*.json ──┘   (load/)   (validate/)  (compute/)  (chart/)  (render/)  (write/)
 *
 * 1–5 run here and produce a `Report`: validated tables and pages whose numbers and charts are
 * final HTML. Stage 6 hands the report to Eleventy (templates/) and publishes the output only if
 * every page was written (write/write-site.ts). Every stage reports all the problems it finds,
 * each with its file and line, before the build stops.
 */
import { existsSync } from 'node:fs';
import type { BuildEffects, ProjectFiles } from './io.ts';
import { loadContent } from './load/load-content.ts';
import { loadReferences, type References } from './load/load-references.ts';
import { loadGeographies } from './load/load-geographies.ts';
import { loadTables, type LoadedTable } from './load/load-tables.ts';
import { parsePages, type ParsedPage } from './validate/parse-pages.ts';
import { computeReferences } from './compute/compute-references.ts';
import type { Tables } from './compute/table-access.ts';
import { deriveTables } from './compute/derive-tables.ts';
import { runChecks, type CheckResult } from './compute/consistency-checks.ts';
import { renderCharts } from './chart/render-charts.ts';
import { withEarlyChartPool } from './chart/early-pool.ts';
import type { RenderPool } from './chart/render-pool.ts';
import { createMarkdown } from './render/markdown.ts';
import { isChapter, renderPages, type PageView } from './render/render-pages.ts';
import { buildTableViews, type TableView } from './render/table-views.ts';
import { LOCALES, type Locale } from './validate/table-schema.ts';
import { describeGap, findTranslationGaps, type TranslationGap } from './validate/translation-gaps.ts';

export interface Report {
  locales: Locale[];
  pages: PageView[];
  tables: TableView[];
  references: References;
  /** The validated and derived tables, for pages generated from them. */
  tableSource: Tables;
  /** Every consistency check's result, for the Data-quality page. */
  checks: CheckResult[];
  /** What a language lacks that another has, for authors. */
  translationGaps: TranslationGap[];
  stats: { tables: number; pages: number; charts: number; chartsRendered: number; values: number; checks: number; findings: number };
}

/**
 * `effects` decides what the build may write: `diskEffects(root)` for a project on disk (the CLI);
 * by default nothing (an in-memory project in a test leaves no file behind).
 */
export async function buildReport(files: ProjectFiles, effects: Partial<BuildEffects> = {}): Promise<Report> {
  // Chart workers, when the report will need them, start now and load their code while stages 1–3 run.
  return withEarlyChartPool(files, (chartPool) => assembleReport(files, effects, chartPool), { cacheDir: effects.cacheDir });
}

async function assembleReport(files: ProjectFiles, effects: Partial<BuildEffects>, chartPool: RenderPool | undefined): Promise<Report> {
  // 1 load + 2 validate: every table and page is parsed at the boundary into typed values.
  const definitions = await loadTables(files);
  const references = await loadReferences(files);
  const geographies = await loadGeographies(files);
  const sources = await loadContent(files);
  const md = createMarkdown();
  const pages = parsePages(md, sources);
  const chapterNumber = numberChapters(pages);

  // 3 compute: derived tables, then every inline number, through the indicator functions.
  const tables = deriveTables(definitions);
  const checks = runChecks(tables, new Set(sources.map((page) => page.slug)));
  const translationGaps = findTranslationGaps(sources, tables, LOCALES.filter((locale) => sources.some((page) => page.locale === locale)));
  if (translationGaps.length > 0) {
    const shown = translationGaps.slice(0, 10).map((gap) => `  ${describeGap(gap)}`);
    const more = translationGaps.length > shown.length ? [`  … and ${translationGaps.length - shown.length} more`] : [];
    effects.logger?.warn([`${translationGaps.length} translation${translationGaps.length === 1 ? '' : 's'} missing (listed on the Data-quality page; readers see the English text):`, ...shown, ...more].join('\n'));
  }
  computeReferences(pages, tables);

  // 4 chart: every chart block to a checked, rendered, numbered figure (unchanged ones from the cache).
  const chartStats = { rendered: 0, reused: 0 };
  const figures = await renderCharts(pages, tables, chapterNumber, { root: existsSync(files.root) ? files.root : undefined, cacheDir: effects.cacheDir, stats: chartStats, workers: 'auto', pool: chartPool, geographies });

  // 5 render: Markdown tokens to HTML fragments the templates place.
  const views = renderPages(md, pages, figures, tables, references, chapterNumber);

  const locales = LOCALES.filter((locale) => views.some((v) => v.locale === locale));
  return {
    locales,
    pages: views,
    tables: buildTableViews(tables, references, locales),
    references,
    checks,
    translationGaps,
    tableSource: tables,
    stats: {
      tables: tables.size,
      pages: views.length,
      charts: [...figures.values()].reduce((n, list) => n + list.length, 0),
      chartsRendered: chartStats.rendered,
      values: pages.reduce((n, p) => n + p.values.length, 0),
      checks: checks.length,
      findings: checks.filter((c) => c.passed === false).length,
    },
  };
}

/** Chapters are numbered 1, 2, … per language in their order; other pages get 0. */
function numberChapters(pages: ParsedPage[]): (page: ParsedPage) => number {
  const numbers = new Map<ParsedPage, number>();
  for (const locale of LOCALES) {
    pages.filter((p) => p.source.locale === locale && isChapter(p)).forEach((p, i) => numbers.set(p, i + 1));
  }
  return (page) => numbers.get(page) ?? 0;
}

export type { LoadedTable };
