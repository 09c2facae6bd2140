/**
 * Stage 4 (chart) for the whole report: every chart block of every page becomes a numbered
 * figure ("Figure 3.2", per chapter) with its SVG, so cross-references can be resolved in the
 * render stage. Three steps, so the expensive one could run in parallel:
 *
 *   1 prepare   each block → records, Vega-Lite spec, description, cache key   (cheap, in order)
 *   2 render    each spec not in the cache → checks → Vega → SVG            (jobs: plain JSON)
 *   3 figures   with their numbers (validate/numbering.ts) and what a citation needs
 *
 * Side effects come in through `ChartStageOptions`: the cache (`charts/` under `cacheDir`, none
 * without one), the boundaries folder, the report's date for citations.
 */
import path from 'node:path';
import type { Config } from 'vega-lite';
import { throwIfAny, ReportError } from '../errors.ts';
import type { Tables } from '../compute/table-access.ts';
import type { ParsedPage } from '../validate/parse-pages.ts';
import type { Numbering } from '../validate/numbering.ts';
import type { ChartBlock } from './chart-block.ts';
import { diskCache, newStats, type ChartCache, type ChartStats } from './chart-cache.ts';
import { keepCompiledSchemaIn } from './check-spec.ts';
import { shapeKey } from './compile-once.ts';
import type { RenderJob } from './render-job.ts';
import type { RenderPool } from './render-pool.ts';
import type { RenderSandbox } from './render-sandbox.ts';
import { prepareFigure, renderPrepared, type PreparedFigure, type RenderedChart, type RenderOptions } from './render-chart.ts';
import type { Geographies } from '../validate/geography-schema.ts';
import type { LanguageSet } from '../languages/language-set.ts';
import { figureAnchor } from '../validate/figure-anchor.ts';
import { poolSize } from './pool-size.ts';

export interface Figure {
  id: string;
  anchor: string;
  /** "3.2": chapter number and position in the chapter. */
  number: string;
  pageFile: string;
  chart: RenderedChart;
  /** For the "cite this figure" line. */
  citation: FigureCitation;
}

export interface FigureCitation {
  /** Title of the report (its home page in the figure's language). */
  report: string;
  /** Date of this edition of the report (YYYY-MM-DD), when one is configured. */
  date?: string;
}

export interface ChartStageOptions {
  /** Folder of the build's caches (`.cache/`): charts under `charts/`, the schema validator under `vega-lite/`. None: nothing is written. */
  cacheDir?: string;
  /** Folder of boundary files for maps (report.config.json `boundaries`); none by default: tile grids. */
  boundariesDir?: string;
  /** The report's geographies (data/geographies/); none by default, so a map has no units. */
  geographies?: Geographies;
  /** The report's languages: each page's words and number style. */
  languages: LanguageSet;
  /** The report's fixed colours per series (row id). */
  colours?: Readonly<Record<string, string>>;
  /** Default: a disk cache under `<cacheDir>/charts/` (none without `cacheDir`); `false` renders every chart. */
  cache?: ChartCache | false;
  /** Counts rendered and reused charts. */
  stats?: ChartStats;
  /** Counts the rendered charts that shared their Vega-Lite compilation and parsed dataflow with an earlier chart of their shape. */
  sharing?: RenderOptions['sharing'];
  theme?: Config;
  /** Date of this edition (YYYY-MM-DD) for citations (load-config.ts: configured, or SOURCE_DATE_EPOCH); none if unset. */
  date?: string;
  /** Renders a job elsewhere; default in this thread (or the worker pool, with `workers`). */
  run?: RenderOptions['run'];
  /** How many jobs run at once when `run` is given. */
  concurrency?: number;
  /**
   * Render in this many worker threads (render-pool.ts) when more than one; default 1, in this
   * thread. `auto`: a pool of one worker per core (at most 4) when at least POOL_THRESHOLD charts
   * miss the cache, else this thread.
   */
  workers?: number | 'auto';
  /** `false` renders specs an author wrote in this thread, unbounded (unit tests of the checks). */
  sandbox?: false;
  /**
   * Worker threads the caller started early (early-pool.ts): used for every chart that misses the
   * cache, in place of a pool of the stage's own, and closed when the stage is done with them.
   */
  pool?: RenderPool;
  /**
   * Pages whose views the build keeps from an earlier one (build-memo.ts): their charts are
   * neither prepared nor looked up, and they get no figures (cross-references to them need only
   * their numbers and anchors). Their charts count as reused.
   */
  kept?: (page: ParsedPage) => boolean;
}

/** Charts prepared between two turns of the event loop while workers started early wait for them. */
const YIELD_EVERY = 8;

/**
 * On a page a template made, a chart that plots the page's unit among other rows leaves the unit
 * out where its table has no row for it (the page says in its text that the unit has no data);
 * a chart of that unit alone, or of a table that does not exist, is still an error.
 */
function forUnit(block: ChartBlock, page: ParsedPage, tables: Tables): ChartBlock {
  const unit = page.source.entity?.id;
  const table = tables.get(block.table)?.table;
  if (!unit || !block.rows?.includes(unit) || block.rows.length < 2 || !table || table.rows.some((r) => r.id === unit)) return block;
  return { ...block, rows: block.rows.filter((id) => id !== unit) };
}

export async function renderCharts(pages: ParsedPage[], tables: Tables, numbering: Numbering, options: ChartStageOptions): Promise<Map<ParsedPage, Figure[]>> {
  const ownCache = options.cache === undefined && options.cacheDir ? diskCache(path.join(options.cacheDir, 'charts')) : undefined;
  const renderOptions: RenderOptions = {
    boundariesDir: options.boundariesDir,
    geographies: options.geographies,
    colours: options.colours,
    theme: options.theme,
    cache: options.cache === false ? undefined : (options.cache ?? ownCache),
    stats: options.stats ?? newStats(),
    sharing: options.sharing,
    run: options.run,
  };
  const renderedBefore = renderOptions.stats?.rendered ?? 0;
  const date = options.date;
  const errors: ReportError[] = [];
  const schemaDir = options.cacheDir ? path.join(options.cacheDir, 'vega-lite') : undefined;
  keepCompiledSchemaIn(schemaDir);

  // 1 prepare, 2 render. Workers started before the stage (options.pool) get each chart that
  // misses the cache as soon as it is prepared. Otherwise every chart is looked up in the cache
  // first, so that a pool of the stage's own is sized by the charts that really need rendering.
  const jobs: Array<{ page: ParsedPage; index: number; figure: PreparedFigure; context: Parameters<typeof renderPrepared>[1] }> = [];
  const rendered = new Array<RenderedChart | undefined>();
  const renderAt = async (i: number) => {
    const job = jobs[i] as (typeof jobs)[number];
    try {
      rendered[i] = await renderPrepared(job.figure, job.context, renderOptions);
    } catch (error) {
      if (error instanceof ReportError) errors.push(error);
      else throw error;
    }
  };
  // Specs an author wrote render isolated, with a memory limit and a time budget
  // (render-sandbox.ts), started when the first of them misses the cache.
  let sandbox: Promise<RenderSandbox> | undefined;
  if (options.sandbox !== false && !options.run) renderOptions.runAuthored = async (job) => (await (sandbox ??= import('./render-sandbox.ts').then((m) => m.renderSandbox(schemaDir)))).run(job);
  const early = options.run ? undefined : options.pool;
  let pool = early;
  // Jobs of one spec shape go to the worker that compiled and parsed it (render-pool.ts).
  const runIn = (workers: RenderPool) => (job: RenderJob) => workers.run(job, shapeKey(job.spec, job.theme));
  if (early) renderOptions.run = runIn(early);
  const started: Array<Promise<void>> = [];
  try {
    for (const page of pages) {
      if (options.kept?.(page)) continue;
      for (const [index, site] of page.charts.entries()) {
        const context = { file: page.source.file, line: site.line, language: options.languages.get(page.source.locale), anchor: figureAnchor(site.block.id) };
        try {
          jobs.push({ page, index, figure: prepareFigure(forUnit(site.block, page, tables), tables, context, renderOptions), context });
          if (early && errors.length === 0) started.push(renderAt(jobs.length - 1));
        } catch (error) {
          if (error instanceof ReportError) errors.push(error);
          else throw error;
        }
        // Now and then, let the cache lookups of the charts handed over finish and reach the workers.
        if (early && jobs.length % YIELD_EVERY === 0) await new Promise((resolve) => setImmediate(resolve));
      }
    }
    if (errors.length) {
      // Charts already handed over end with the workers (finally, below).
      for (const render of started) render.catch(() => undefined);
      throwIfAny(errors);
    }
    if (early) await Promise.all(started);
    else {
      const cache = renderOptions.cache;
      let missing = jobs;
      if (cache) {
        const found = await Promise.all(jobs.map((job) => cache.get(job.figure.key)));
        const known = new Map(jobs.flatMap((job, i) => (found[i] ? [[job.figure.key, found[i]] as const] : [])));
        missing = jobs.filter((job) => !known.has(job.figure.key));
        // Every key was just looked up: a miss here is a miss on disk too.
        renderOptions.cache = { get: async (key) => known.get(key), set: (key, value) => cache.set(key, value) };
      }
      const workers = poolSize(options.workers, missing.length);
      if (workers > 1 && !options.run && jobs.length > 1) {
        pool = (await import('./render-pool.ts')).renderPool(workers, schemaDir);
        renderOptions.run = runIn(pool);
      }
      // In order; with a runner elsewhere, several at a time. A pool gets every job at once: it
      // keeps two in flight per worker and chooses which (render-pool.ts).
      const width = pool ? jobs.length : options.run ? Math.max(1, options.concurrency ?? 2) : 1;
      let next = 0;
      const lane = async () => {
        while (next < jobs.length) await renderAt(next++);
      };
      await Promise.all(Array.from({ length: width }, lane));
    }
  } finally {
    // Their memory is the build's again before pages are rendered.
    await Promise.all([pool?.close(), sandbox?.then((s) => s.close())]);
  }
  throwIfAny(errors.sort((a, b) => (a.file ?? '').localeCompare(b.file ?? '') || (a.line ?? 0) - (b.line ?? 0)));
  // Only after a complete stage: every entry this report uses has just been marked as used. Only
  // when the stage added entries: the cache grows only then, and a rebuild that rendered nothing
  // (most of the dev server's) would read the whole cache folder for nothing.
  if ((renderOptions.stats?.rendered ?? 0) > renderedBefore) await ownCache?.prune();

  // 3 number
  const figures = new Map<ParsedPage, Figure[]>(pages.map((page) => [page, []]));
  if (renderOptions.stats) renderOptions.stats.reused += pages.reduce((n, page) => n + (options.kept?.(page) ? page.charts.length : 0), 0);
  for (const [i, job] of jobs.entries()) {
    const chart = rendered[i] as RenderedChart;
    const home = pages.find((p) => p.source.slug === 'index' && p.source.locale === job.page.source.locale);
    const figure: Figure = {
      id: job.figure.block.id,
      anchor: job.context.anchor,
      number: numbering.figure(job.page, job.figure.block.id),
      pageFile: job.page.source.file,
      chart,
      citation: { report: home?.source.frontMatter.title ?? '', ...(date ? { date } : {}) },
    };
    figures.get(job.page)?.push(figure);
  }
  return figures;
}
