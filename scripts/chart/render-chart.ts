/**
 * Stage 4 (chart) for one chart block: preset (or raw spec) → the records it plots and a
 * Vega-Lite spec over them → three checks → Vega → SVG, the last part skipped when the cache
 * holds the SVG of exactly these inputs. The result carries everything a figure shows: SVG, the
 * compiled Vega spec for the browser, the plotted records, the Data view and the description.
 */
import type { Config } from 'vega-lite';
import { LookupProblem, type Tables } from '../compute/table-access.ts';
import { ChartError, IndicatorError } from '../errors.ts';
import type { ChartBlock } from './chart-block.ts';
import { cacheKey, type ChartCache, type ChartStats } from './chart-cache.ts';
import type { ChartData } from './chart-data.ts';
import { vegaLocale } from './locale.ts';
import { PRESET_BUILDERS, type PreparedChart } from './presets.ts';
import { runRenderJob, type RenderJob, type RenderResult } from './render-job.ts';
import { THEME } from './theme.ts';

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
}

export interface ChartContext {
  file: string;
  /** File line of the chart block's opening fence. */
  line: number;
  locale: string;
  /** Anchor id of the figure in its page. */
  anchor: string;
}

export interface RenderOptions {
  /** Folder of boundary files for choropleth maps; without one, maps are tile grids. */
  boundariesDir?: string;
  theme?: Config;
  cache?: ChartCache;
  stats?: ChartStats;
  /** Runs render jobs; defaults to running them in this thread. */
  run?: (job: RenderJob) => Promise<RenderResult>;
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
    prepared = PRESET_BUILDERS[block.preset](block, { tables, locale: context.locale, boundariesDir: options.boundariesDir });
  } catch (error) {
    if (error instanceof LookupProblem) throw chartError(context, `chart "${block.id}": ${error.message}`, error.details.expected, error.details.fix);
    if (error instanceof IndicatorError) throw chartError(context, `chart "${block.id}": ${error.message}${error.where ? ` (${error.where})` : ''}`, error.expected, error.fix);
    throw error;
  }
  const subtitle = block.subtitle ?? prepared.subtitle;
  const description = block.description ?? prepared.description;
  const fields = [...new Set([...prepared.data.records.flatMap((r) => Object.keys(r)), ...prepared.extraFields, ...(block.preset === 'raw' ? ['period', 'series', 'key', 'value'] : [])])];
  const theme = options.theme ?? THEME;
  const job: RenderJob = { chart: block.id, spec: prepared.spec, fields, theme, svg: { locale: context.locale, id: context.anchor, title: block.title, description }, checkSchema: block.preset === 'raw' };
  // The locale enters through its number formats as well as its name.
  const key = cacheKey({ job, locale: vegaLocale(context.locale) });
  return { block, prepared, subtitle, description, job, key };
}

/** Renders a prepared figure, or takes its SVG from the cache. */
export async function renderPrepared(figure: PreparedFigure, context: ChartContext, options: RenderOptions = {}): Promise<RenderedChart> {
  let rendered = await options.cache?.get(figure.key);
  if (rendered) {
    if (options.stats) options.stats.reused++;
  } else {
    const result = await (options.run ?? runRenderJob)(figure.job);
    if (!result.ok) throw chartError(context, result.problem, result.expected, result.fix);
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
  };
}

export async function renderChart(block: ChartBlock, tables: Tables, context: ChartContext, options: RenderOptions = {}): Promise<RenderedChart> {
  return renderPrepared(prepareFigure(block, tables, context, options), context, options);
}
