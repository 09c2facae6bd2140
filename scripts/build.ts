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
import { recordingFiles, type BuildEffects, type ProjectFiles } from './io.ts';
import { contextOf, type BuildMemo } from './build-memo.ts';
import { loadConfig, type ReportConfig } from './load/load-config.ts';
import { loadContent } from './load/load-content.ts';
import { loadReferences, type References } from './load/load-references.ts';
import { loadGeographies } from './load/load-geographies.ts';
import { loadTables, type LoadedTable } from './load/load-tables.ts';
import { parsePages } from './validate/parse-pages.ts';
import { computeReferences } from './compute/compute-references.ts';
import { computePageTables } from './compute/compute-page-tables.ts';
import type { Tables } from './compute/table-access.ts';
import { deriveTables } from './compute/derive-tables.ts';
import { runChecks, type CheckResult } from './compute/consistency-checks.ts';
import { withEarlyChartPool } from './chart/early-pool.ts';
import type { RenderPool } from './chart/render-pool.ts';
import { createMarkdown } from './render/markdown.ts';
import { renderPages, type PageView } from './render/render-pages.ts';
import { numberPages } from './validate/numbering.ts';
import { expandTemplates } from './validate/expand-templates.ts';
import { buildTableViews, type TableView } from './render/table-views.ts';
import { chartTheme } from './chart/theme.ts';
import type { Locale } from './validate/table-schema.ts';
import { describeGap, findTranslationGaps, type TranslationGap } from './validate/translation-gaps.ts';

export interface Report {
  /** The report's settings, normalised: languages (each with its words), units, folders, address. */
  config: ReportConfig;
  /** The languages pages were written in, in the report's order. */
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
/** What a build may do, and, in a process that builds the report again (the dev server), what it kept from the previous build. */
export type ReportEffects = Partial<BuildEffects> & { memo?: BuildMemo };

export async function buildReport(projectFiles: ProjectFiles, effects: ReportEffects = {}): Promise<Report> {
  // With a memo, what every read returned is part of the context its pages' results are kept for.
  let contentDir = 'content';
  const recorder = effects.memo ? recordingFiles(projectFiles, () => contentDir) : undefined;
  const files = recorder ?? projectFiles;
  // 1 load: the configuration first; it says where the chapters are.
  const config = await loadConfig(files, { env: effects.env, folderExists: existsSync });
  contentDir = config.folders.content;
  for (const warning of config.warnings) effects.logger?.warn(warning);
  // Chart workers, when the report will need them, start now and load their code while stages 1–3 run.
  return withEarlyChartPool(files, (chartPool) => assembleReport(files, effects, config, chartPool, () => recorder?.reads()), { cacheDir: effects.cacheDir, contentDir: config.folders.content });
}

async function assembleReport(files: ProjectFiles, effects: ReportEffects, config: ReportConfig, chartPool: RenderPool | undefined, reads: () => string | undefined): Promise<Report> {
  // 1 load + 2 validate: every table and page, parsed at the boundary into typed values.
  const { languages, folders } = config;
  const textRules = { units: config.units, languages: languages.codes, sourceLanguage: languages.source, knownLanguages: config.knownLanguages };
  // With a memo, files loaded under this configuration before are not parsed again.
  effects.memo?.beginLoad(reads() ?? '');
  const definitions = await loadTables(files, folders, textRules, effects.memo?.tables);
  const references = await loadReferences(files, `${folders.data}/references.json`);
  const geographies = await loadGeographies(files, languages.codes, languages.source, folders.geographies, config.knownLanguages);
  // A template's pages are made before anything is parsed: each is an ordinary page from then on.
  const sources = expandTemplates(await loadContent(files, languages.codes, folders.content, effects.memo?.sources), { geographies, tables: definitions.tables, languages });
  const md = createMarkdown();
  const { memo } = effects;
  const pages = parsePages(md, sources, memo?.parsed);
  const numbering = numberPages(pages, languages.codes);
  // Read after every file but the pages' own was: their hashes are part of the context.
  if (memo) memo.begin(contextOf(reads() ?? '', { baseUrl: config.baseUrl, date: config.date, boundariesDir: config.boundariesDir }, pages));

  // 3 compute: derived tables, then every inline number, through the indicator functions.
  const tables = deriveTables(definitions);
  const checks = runChecks(tables, new Set(sources.map((page) => page.slug)), languages.source);
  const written = languages.codes.filter((locale) => sources.some((page) => page.locale === locale));
  const translationGaps = findTranslationGaps(sources, tables, written, languages.source);
  if (translationGaps.length > 0) {
    const shown = translationGaps.slice(0, 10).map((gap) => `  ${describeGap(gap)}`);
    const more = translationGaps.length > shown.length ? [`  … and ${translationGaps.length - shown.length} more`] : [];
    effects.logger?.warn([`${translationGaps.length} translation${translationGaps.length === 1 ? '' : 's'} missing (listed on the Data-quality page; readers see the text of the language it falls back to):`, ...shown, ...more].join('\n'));
  }
  // A page whose view the memo keeps was computed in this same context: its numbers are in its view.
  const values = computeReferences(memo ? pages.filter((page) => !memo.views.get(page)) : pages, tables, languages);
  const pageTables = computePageTables(pages, tables, languages);

  // 4 chart: every chart block to a checked, rendered, numbered figure (unchanged ones from the cache).
  const chartStats = { rendered: 0, reused: 0 };
  // Loaded here, not at the top: a build that stops at an earlier stage never loads Vega and Vega-Lite.
  const { renderCharts } = await import('./chart/render-charts.ts');
  const figures = await renderCharts(pages, tables, numbering, { cacheDir: effects.cacheDir, stats: chartStats, workers: 'auto', pool: chartPool, kept: memo && ((page) => memo.views.get(page) !== undefined), geographies, languages, colours: config.colours, boundariesDir: config.boundariesDir, date: config.date, theme: chartTheme(config) });

  // 5 render: Markdown tokens to HTML fragments the templates place.
  const views = renderPages(md, pages, { values, pageTables, figures, numbering, tables, references, languages, memo: memo?.views });
  memo?.commit(pages);

  const locales = languages.codes.filter((locale) => views.some((v) => v.locale === locale));
  const tableViews = () => buildTableViews(tables, references, locales.map((code) => languages.get(code)));
  return {
    config,
    locales,
    pages: views,
    tables: memo ? memo.perContext(`tables ${locales.join(' ')}`, tableViews) : tableViews(),
    references,
    checks,
    translationGaps,
    tableSource: tables,
    stats: {
      tables: tables.size,
      pages: views.length,
      charts: pages.reduce((n, page) => n + page.charts.length, 0),
      chartsRendered: chartStats.rendered,
      values: pages.reduce((n, p) => n + p.values.length, 0),
      checks: checks.length,
      findings: checks.filter((c) => c.passed === false).length,
    },
  };
}

export type { LoadedTable };
