/**
 * Presets: the charts an economic report needs, each built from a few lines of a chart block.
 * Every preset plots the same long records (period, series, value) so the Data view, the CSV
 * download and the generated description all describe exactly what is drawn.
 */
import type { TopLevelSpec } from 'vega-lite';
import { ChartError } from '../errors.ts';
import type { PresetName } from './chart-block.ts';
import { CATEGORICAL, CHART_HEIGHT, CHART_WIDTH, SERIES_COLOURS } from './theme.ts';

export interface ChartRecord {
  period: string;
  series: string;
  /** Row id of the series: keeps colours stable across charts. */
  key: string;
  value: number | null;
}

export interface PresetInput {
  records: ChartRecord[];
  /** Series in display order: [key, label]. */
  series: Array<[string, string]>;
  /** Axis titles, already localized. */
  periodTitle: string;
  valueTitle: string;
  /** d3-format of values on axes and tooltips, e.g. ",.1f". */
  valueFormat: string;
  height?: number;
  /** Reference line (e.g. 100 for an index). */
  reference?: number;
}

type Spec = Record<string, unknown>;

function colourScale(series: Array<[string, string]>): Spec {
  let next = 0;
  const used = new Set<string>();
  const range = series.map(([key]) => {
    const fixed = SERIES_COLOURS[key];
    if (fixed && !used.has(fixed)) {
      used.add(fixed);
      return fixed;
    }
    while (used.has(CATEGORICAL[next % CATEGORICAL.length] ?? '') && next < CATEGORICAL.length) next++;
    const colour = CATEGORICAL[next % CATEGORICAL.length] ?? '#000000';
    used.add(colour);
    return colour;
  });
  return { domain: series.map(([, label]) => label), range };
}

function base(input: PresetInput): Spec {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: CHART_WIDTH,
    height: input.height ?? CHART_HEIGHT,
    data: { values: input.records },
  };
}

const periodAxis = (input: PresetInput): Spec => ({ field: 'period', type: 'ordinal', title: input.periodTitle, axis: { labelAngle: 0 } });
const valueAxis = (input: PresetInput, extra: Spec = {}): Spec => ({
  field: 'value',
  type: 'quantitative',
  title: input.valueTitle,
  axis: { format: input.valueFormat },
  ...extra,
});
const colour = (input: PresetInput, legend: boolean): Spec => ({
  field: 'series',
  type: 'nominal',
  title: null,
  scale: colourScale(input.series),
  sort: input.series.map(([, label]) => label),
  legend: legend ? {} : null,
});
const tooltip = (input: PresetInput): Spec[] => [
  { field: 'series', type: 'nominal', title: ' ' },
  { field: 'period', type: 'ordinal', title: input.periodTitle },
  { field: 'value', type: 'quantitative', title: input.valueTitle, format: input.valueFormat },
];

const LABEL_GAP = 14;

/**
 * Direct labels at line ends collide when lines end close together. Vega-Lite has no label
 * placement, so positions are spread here, in pixels of the zero-based value scale, and passed
 * as the value at which each label sits.
 */
function labelPositions(records: ChartRecord[], lastPeriod: string, height: number): Map<string, number> {
  const values = records.map((r) => r.value).filter((v): v is number => v !== null);
  const max = Math.max(0, ...values);
  const min = Math.min(0, ...values);
  const span = max - min || 1;
  const ends = records
    .filter((r) => r.period === lastPeriod && r.value !== null)
    .map((r) => ({ series: r.series, y: height * (1 - ((r.value as number) - min) / span) }))
    .sort((a, b) => a.y - b.y);
  const placed: number[] = [];
  for (const [i, end] of ends.entries()) placed.push(i === 0 ? end.y : Math.max(end.y, (placed[i - 1] ?? 0) + LABEL_GAP));
  // Shift the whole stack up if it ran past the bottom of the plot.
  const overflow = Math.max(0, (placed.at(-1) ?? 0) - height);
  return new Map(ends.map((end, i) => [end.series, min + span * (1 - ((placed[i] ?? end.y) - overflow) / height)]));
}

function lineChart(input: PresetInput): Spec {
  const lastPeriod = input.records.reduce((last, r) => (r.period > last ? r.period : last), '');
  const positions = labelPositions(input.records, lastPeriod, input.height ?? CHART_HEIGHT);
  const labels = input.records
    .filter((r) => r.period === lastPeriod && r.value !== null)
    .map((r) => ({ period: r.period, series: r.series, labelAt: positions.get(r.series) ?? r.value }));
  const layers: Spec[] = [];
  if (input.reference !== undefined) {
    layers.push({ mark: { type: 'rule', strokeDash: [4, 3], opacity: 0.7 }, encoding: { y: { datum: input.reference } } });
  }
  layers.push(
    {
      mark: { type: 'line', point: true },
      encoding: { x: periodAxis(input), y: valueAxis(input), color: colour(input, false), tooltip: tooltip(input) },
    },
    {
      // Direct labels at the line ends instead of a legend.
      data: { values: labels },
      mark: { type: 'text', align: 'left', dx: 8, fontSize: 12 },
      encoding: {
        x: periodAxis(input),
        y: { field: 'labelAt', type: 'quantitative' },
        text: { field: 'series' },
        color: colour(input, false),
      },
    },
  );
  return { ...base(input), layer: layers };
}

function barChart(input: PresetInput, mode: 'single' | 'grouped' | 'stacked' | 'normalized'): Spec {
  const encoding: Spec = {
    x: periodAxis(input),
    y: valueAxis(input, mode === 'normalized' ? { stack: 'normalize', axis: { format: '.0%' } } : mode === 'stacked' ? { stack: 'zero' } : { stack: null }),
    color: colour(input, input.series.length > 1),
    tooltip: tooltip(input),
  };
  if (mode === 'grouped') encoding.xOffset = { field: 'series', type: 'nominal', sort: input.series.map(([, label]) => label) };
  if (mode === 'stacked' || mode === 'normalized') encoding.order = { field: 'order', type: 'quantitative' };
  const withOrder = { ...base(input) };
  if (mode === 'stacked' || mode === 'normalized') {
    const order = new Map(input.series.map(([, label], i) => [label, i]));
    withOrder.data = { values: input.records.map((r) => ({ ...r, order: order.get(r.series) ?? 0 })) };
  }
  return { ...withOrder, mark: { type: 'bar' }, encoding };
}

export function buildPresetSpec(preset: Exclude<PresetName, 'raw'>, input: PresetInput): TopLevelSpec {
  switch (preset) {
    case 'line':
      return lineChart(input) as unknown as TopLevelSpec;
    case 'index':
      return lineChart({ ...input, reference: input.reference ?? 100 }) as unknown as TopLevelSpec;
    case 'bar':
      return barChart(input, 'single') as unknown as TopLevelSpec;
    case 'grouped-bar':
      return barChart(input, 'grouped') as unknown as TopLevelSpec;
    case 'stacked-bar':
      return barChart(input, 'stacked') as unknown as TopLevelSpec;
    case 'stacked-bar-100':
      return barChart(input, 'normalized') as unknown as TopLevelSpec;
    default: {
      const unknown: never = preset;
      throw new ChartError(`unknown chart preset "${String(unknown)}"`);
    }
  }
}
