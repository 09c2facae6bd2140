/**
 * What every preset module provides, and the pieces they share. A preset turns a chart block
 * and the tables into a `PreparedChart`: the data it plots (records, Data view, credits), a
 * Vega-Lite spec over exactly those records, and the generated text description. Nothing here
 * renders: rendering (and its cache) is the same for every preset.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { Tables } from '../../compute/table-access.ts';
import { localize } from '../../validate/table-schema.ts';
import type { ChartBlock } from '../chart-block.ts';
import type { ChartData, ChartRecord } from '../chart-data.ts';
import type { SeriesData } from '../chart-records.ts';
import { chartWords } from '../chart-strings.ts';
import { seriesColourScale } from '../colour-scales.ts';
import { CHART_HEIGHT, CHART_WIDTH } from '../theme.ts';
import type { Geographies } from '../../validate/geography-schema.ts';
import type { Language } from '../../languages/language.ts';
import type { CompareControl } from '../compare.ts';

export type Spec = Record<string, unknown>;

export interface PresetContext {
  tables: Tables;
  language: Language;
  /** The report's fixed colours per series (row id). */
  colours: Readonly<Record<string, string>>;
  /** Folder of boundary files for choropleth maps, when there is one. */
  boundariesDir?: string;
  /** The report's geographies (data/geographies/), for maps and unit names. */
  geographies: Geographies;
}

export interface PreparedChart {
  data: ChartData;
  spec: TopLevelSpec;
  /** Fields of the spec's data besides those of `data.records` (e.g. label positions). */
  extraFields: string[];
  /** Subtitle when the block gives none: unit, base, period. */
  subtitle: string;
  /** Generated text description; a block's `description` replaces it. */
  description: string;
  /**
   * Whether the browser swaps in the interactive version (tooltips, hover). Maps stay static:
   * their labels and Data view say everything, and their geometry would be sent twice.
   */
  interactive?: boolean;
  /** A comparison the reader changes in the browser (compare.ts). */
  compare?: CompareControl;
}

export type Preset = (block: ChartBlock, context: PresetContext) => PreparedChart;

export const SCHEMA_URL = 'https://vega.github.io/schema/vega-lite/v6.json';

export function baseSpec(values: unknown[], height = CHART_HEIGHT, width = CHART_WIDTH): Spec {
  return { $schema: SCHEMA_URL, width, height, data: { values } };
}

/** d3-format of a value with `decimals` decimals and thousands grouped. */
export const numberFormat = (decimals: number) => `,.${decimals}f`;

export function periodTitle(data: SeriesData, language: Language): string {
  return localize(data.table.periodLabel, language) || chartWords(language).year;
}

export const periodAxis = (title: string): Spec => ({ field: 'period', type: 'ordinal', title, axis: { labelAngle: 0 } });

export const valueAxis = (title: string, format: string, extra: Spec = {}): Spec => ({
  field: 'value',
  type: 'quantitative',
  title,
  axis: { format },
  ...extra,
});

export const seriesColour = (series: Array<[string, string]>, legend: boolean, colours: Readonly<Record<string, string>>): Spec => ({
  field: 'series',
  type: 'nominal',
  title: null,
  scale: seriesColourScale(series, colours),
  sort: series.map(([, label]) => label),
  legend: legend ? {} : null,
});

export const seriesTooltip = (periodTitleText: string, valueTitle: string, format: string): Spec[] => [
  { field: 'series', type: 'nominal', title: ' ' },
  { field: 'period', type: 'ordinal', title: periodTitleText },
  { field: 'value', type: 'quantitative', title: valueTitle, format },
];

export function subtitleOf(data: ChartData, extra?: string): string {
  return extra ? `${data.unitText}, ${extra}` : data.unitText;
}

export const LABEL_GAP = 14;

/**
 * Direct labels at line ends collide when lines end close together. Vega-Lite has no label
 * placement, so positions are spread here, in pixels of the zero-based value scale, and passed
 * as the value at which each label sits.
 */
export function labelPositions(records: ChartRecord[], period: string, height: number, zero = true): Map<string, number> {
  const values = records.map((r) => r.value).filter((v): v is number => v !== null);
  const max = zero ? Math.max(0, ...values) : Math.max(...values);
  const min = zero ? Math.min(0, ...values) : Math.min(...values);
  const span = max - min || 1;
  const ends = records
    .filter((r) => r.period === period && r.value !== null)
    .map((r) => ({ series: r.series, y: height * (1 - ((r.value as number) - min) / span) }))
    .sort((a, b) => a.y - b.y);
  const placed: number[] = [];
  for (const [i, end] of ends.entries()) placed.push(i === 0 ? end.y : Math.max(end.y, (placed[i - 1] ?? 0) + LABEL_GAP));
  // Shift the whole stack up if it ran past the bottom of the plot.
  const overflow = Math.max(0, (placed.at(-1) ?? 0) - height);
  return new Map(ends.map((end, i) => [end.series, min + span * (1 - ((placed[i] ?? end.y) - overflow) / height)]));
}

/** Values that are numbers. */
export function numbers(values: Array<unknown>): number[] {
  return values.filter((v): v is number => typeof v === 'number');
}
