/**
 * Stage 4 (chart) for one chart block: preset (or raw spec) → the records it plots and a
 * Vega-Lite spec over them → three checks → Vega → SVG, the last part skipped when the cache
 * holds the SVG of exactly these inputs. The result carries everything a figure shows: SVG, the
 * compiled Vega spec for the browser, the plotted records, the Data view and the description.
 */
import type { Config } from 'vega-lite';
import { LookupProblem, type Tables } from '../compute/table-access.ts';
import { ChartError, IndicatorError, throwIfAny } from '../errors.ts';
import type { ChartBlock } from './chart-block.ts';
import { cacheKey, type ChartCache, type ChartStats } from './chart-cache.ts';
import type { ChartData } from './chart-data.ts';
import { PRESET_BUILDERS, type PreparedChart } from './presets.ts';
import { countShared, runRenderJob, type RenderJob, type RenderResult, type SharingStats } from './render-job.ts';
import { CHART_LIMITS, specProblems } from './spec-boundary.ts';
import { THEME } from './theme.ts';
import type { Geographies } from '../validate/geography-schema.ts';
import type { Language } from '../languages/language.ts';
import type { CompareControl } from './compare.ts';

const NO_GEOGRAPHIES: Geographies = new Map();

export interface RenderedChart {
  block: ChartBlock;
  data: ChartData;
  subtitle: string;
  description: string;
  /** The compiled Vega spec as JSON text. */
  vega: string;
  svg: string;
  /** Whether the page ships the Vega spec for the interactive version. */
  interactive: boolean;
  /** The rows a reader may compare, and which are shown first. */
  compare?: CompareControl;
}

export interface ChartContext {
  file: string;
  /** File line of the chart block's opening fence. */
  line: number;
  /** The page's language: its words and number style. */
  language: Language;
  /** Anchor id of the figure in its page. */
  anchor: string;
}

export interface RenderOptions {
  /** Folder of boundary files for choropleth maps; without one, maps are tile grids. */
  boundariesDir?: string;
  /** The report's geographies, for maps. */
  geographies?: Geographies;
  /** The report's fixed colours per series (row id). */
  colours?: Readonly<Record<string, string>>;
  theme?: Config;
  cache?: ChartCache;
  stats?: ChartStats;
  /** Counts the rendered charts that shared their compilation and parsed dataflow with another. */
  sharing?: SharingStats;
  /** Runs render jobs; defaults to running them in this thread. */
  run?: (job: RenderJob) => Promise<RenderResult>;
  /** Runs the jobs of specs an author wrote (render-sandbox.ts); defaults to `run`. */
  runAuthored?: (job: RenderJob) => Promise<RenderResult>;
}

export interface PreparedFigure {
  block: ChartBlock;
  prepared: PreparedChart;
  subtitle: string;
  description: string;
  job: RenderJob;
  key: string;
}

function chartError(context: ChartContext, problem: string, expected?: string, fix?: string): ChartError {
  return new ChartError(problem, { file: context.file, line: context.line, expected, fix });
}

/** Everything but the rendering: the preset's data and spec, the description and the cache key. */
export function prepareFigure(block: ChartBlock, tables: Tables, context: ChartContext, options: RenderOptions = {}): PreparedFigure {
  let prepared: PreparedChart;
  try {
    prepared = PRESET_BUILDERS[block.preset](block, { tables, language: context.language, colours: options.colours ?? {}, boundariesDir: options.boundariesDir, geographies: options.geographies ?? NO_GEOGRAPHIES });
  } catch (error) {
    if (error instanceof LookupProblem) throw chartError(context, `chart "${block.id}": ${error.message}`, error.details.expected, error.details.fix);
    if (error instanceof IndicatorError) throw chartError(context, `chart "${block.id}": ${error.message}${error.where ? ` (${error.where})` : ''}`, error.expected, error.fix);
    throw error;
  }
  checkBoundary(block, prepared, context);
  const subtitle = block.subtitle ?? prepared.subtitle;
  const description = block.description ?? prepared.description;
  const fields = [...new Set([...prepared.data.records.flatMap((r) => Object.keys(r)), ...prepared.extraFields, ...(block.preset === 'raw' ? ['period', 'series', 'key', 'value'] : [])])];
  const theme = options.theme ?? THEME;
  const job: RenderJob = { chart: block.id, spec: prepared.spec, fields, theme, svg: { number: context.language.pack.number, id: context.anchor, title: block.title, description }, checkSchema: block.preset === 'raw' };
  // The language enters through its number style (in the job) and the words in the spec.
  const key = cacheKey({ job });
  return { block, prepared, subtitle, description, job, key };
}

/** A chart plots a bounded number of records, and an author's spec loads nothing (spec-boundary.ts). */
function checkBoundary(block: ChartBlock, prepared: PreparedChart, context: ChartContext): void {
  const records = prepared.data.records.length;
  if (records > CHART_LIMITS.records) {
    throw chartError(context, `chart "${block.id}" would plot ${records.toLocaleString('en')} records`, `at most ${CHART_LIMITS.records.toLocaleString('en')} records in one chart`, 'choose the rows and periods to plot ("rows:", "periods:"), or derive a smaller table');
  }
  if (block.preset !== 'raw') return;
  const problems = specProblems(block.spec, records);
  throwIfAny(problems.map((p) => new ChartError(`chart "${block.id}": ${p.problem}`, { file: context.file, line: context.line, path: p.path, expected: p.expected, fix: p.fix })));
}

/** Renders a prepared figure, or takes its SVG from the cache. */
export async function renderPrepared(figure: PreparedFigure, context: ChartContext, options: RenderOptions = {}): Promise<RenderedChart> {
  let rendered = await options.cache?.get(figure.key);
  if (rendered) {
    if (options.stats) options.stats.reused++;
  } else {
    const run = (figure.job.checkSchema ? options.runAuthored : undefined) ?? options.run ?? runRenderJob;
    const result = await run(figure.job);
    if (!result.ok) throw chartError(context, result.problem, result.expected, result.fix);
    countShared(options.sharing, result);
    rendered = { vega: result.vega, svg: result.svg };
    if (options.stats) options.stats.rendered++;
    await options.cache?.set(figure.key, rendered);
  }
  return {
    block: figure.block,
    data: figure.prepared.data,
    subtitle: figure.subtitle,
    description: figure.description,
    vega: rendered.vega,
    svg: rendered.svg,
    interactive: figure.prepared.interactive ?? true,
    ...(figure.prepared.compare ? { compare: figure.prepared.compare } : {}),
  };
}

export async function renderChart(block: ChartBlock, tables: Tables, context: ChartContext, options: RenderOptions = {}): Promise<RenderedChart> {
  return renderPrepared(prepareFigure(block, tables, context, options), context, options);
}
