/**
 * Stage 4 (chart) for one chart block: table → records → Vega-Lite spec (preset or raw, with the
 * table's data injected) → three checks → Vega → SVG. The result carries everything a figure
 * shows: SVG, the compiled Vega spec for the browser, the plotted records and the description.
 */
import type { TopLevelSpec } from 'vega-lite';
import { LookupProblem, type Tables } from '../compute/table-access.ts';
import { ChartError } from '../errors.ts';
import { localize } from '../validate/table-schema.ts';
import type { ChartBlock } from './chart-block.ts';
import { chartData, type ChartData } from './chart-records.ts';
import { compileWithWarnings, missingFields, schemaProblems } from './check-spec.ts';
import { describeChart } from './describe-chart.ts';
import { buildPresetSpec } from './presets.ts';
import { renderSvg } from './render-svg.ts';
import { THEME } from './theme.ts';

export interface RenderedChart {
  block: ChartBlock;
  data: ChartData;
  subtitle: string;
  description: string;
  vega: object;
  svg: string;
}

export interface ChartContext {
  file: string;
  /** File line of the chart block's opening fence. */
  line: number;
  locale: string;
  /** Anchor id of the figure in its page. */
  anchor: string;
}

const PERIOD_TITLE: Record<string, string> = { en: 'Year', ru: 'Год', kk: 'Жыл' };

export async function renderChart(block: ChartBlock, tables: Tables, context: ChartContext): Promise<RenderedChart> {
  const fail = (problem: string, expected: string, fix: string) => new ChartError(problem, { file: context.file, line: context.line, expected, fix });
  let data: ChartData;
  try {
    data = chartData(block, tables, context.locale);
  } catch (error) {
    if (error instanceof LookupProblem) throw fail(`chart "${block.id}": ${error.message}`, error.details.expected ?? '', error.details.fix ?? '');
    throw error;
  }
  const valueFormat = `,.${data.decimals}f`;
  const spec = block.preset === 'raw' ? rawSpec(block, data, fail) : buildPresetSpec(block.preset, {
    records: data.records,
    series: data.series,
    periodTitle: localize(data.table.periodLabel, context.locale) || PERIOD_TITLE[context.locale] || 'Year',
    valueTitle: data.unitText,
    valueFormat,
    height: block.height,
  });

  const invalid = schemaProblems(spec);
  if (invalid.length) throw fail(`chart "${block.id}" is not valid Vega-Lite: ${invalid.join('; ')}`, 'a spec that follows the Vega-Lite v6 schema', 'correct the spec (https://vega.github.io/vega-lite/docs/)');
  const unknown = missingFields(spec, ['period', 'series', 'key', 'value', 'order', 'labelAt']);
  if (unknown.length) {
    const list = unknown.map((u) => `"${u.field}" (at ${u.path})`).join(', ');
    throw fail(`chart "${block.id}" encodes field${unknown.length > 1 ? 's' : ''} ${list} that the data does not have`, 'fields of the injected data: period, series, key, value', 'use one of those field names');
  }
  const compiled = compileWithWarnings(spec, THEME);
  if (compiled.warnings.length) throw fail(`chart "${block.id}" compiles with warnings: ${compiled.warnings.join('; ')}`, 'a spec that compiles without warnings', 'correct the spec as the warning says');

  const subtitle = block.subtitle ?? data.unitText;
  const description = block.description ?? describeChart(block.title, subtitle, data.records, data.series, data.decimals, context.locale);
  const svg = await renderSvg(compiled.vega, { locale: context.locale, id: context.anchor, title: block.title, description });
  return { block, data, subtitle, description, vega: compiled.vega, svg };
}

function rawSpec(block: ChartBlock, data: ChartData, fail: (p: string, e: string, f: string) => ChartError): TopLevelSpec {
  if (!block.spec) throw fail(`chart "${block.id}" uses preset "raw" but has no "spec"`, 'a Vega-Lite spec under "spec:"', 'add the spec, or choose a preset');
  const { data: _ignored, ...rest } = block.spec;
  return { ...rest, data: { values: data.records } } as TopLevelSpec;
}
