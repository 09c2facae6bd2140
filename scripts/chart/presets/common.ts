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

/**
 * How a series is drawn, carried in its records rather than written into the spec: its colour
 * (colour-scales.ts: the row's colour from the report's configuration, else the next Okabe–Ito one), its place in the display
 * order, and `seriesKey`, its label behind a prefix that sorts in that order ("002 Wheat"). A spec
 * that names no series is the same for every chart of its preset and options, so those charts
 * share one Vega-Lite compilation and one parsed Vega dataflow (compile-once.ts, render-svg.ts).
 */
export interface SeriesStyle {
  colour: string;
  order: number;
  seriesKey: string;
}

export interface SeriesStyles {
  /** Each series label's style. */
  of: Map<string, SeriesStyle>;
  /** The colour encoding with a legend in series order (see `keyedLegendColour`). */
  legend: Spec;
}

/** Digits of the sort prefix of `count` keys: three, or more for a thousand series or more. */
export const keyDigits = (count: number) => Math.max(3, String(Math.max(0, count - 1)).length);

/** A label behind a prefix that sorts as `index` does: "002 Wheat". */
export const sortKey = (index: number, label: string, count: number) => `${String(index).padStart(keyDigits(count), '0')} ${label}`;

/**
 * A nominal colour whose domain and colours both come from the records: the domain is the `key`
 * field's values in ascending order (sortKey: display order), the range the `colour` field's
 * values, which Vega-Lite sorts by the key too, so the two line up; the legend shows the label
 * without its prefix. Exact only when each key has its own colour: otherwise undefined.
 */
export function keyedLegendColour(key: string, colour: string, colours: string[], legend: Spec = {}): Spec | undefined {
  if (new Set(colours).size !== colours.length) return undefined;
  return recordsLegendColour(key, colour, keyDigits(colours.length), legend);
}

/** The colour encoding of `keyedLegendColour` for keys of `digits` digits, whoever checked their colours are distinct. */
export function recordsLegendColour(key: string, colour: string, digits: number, legend: Spec = {}): Spec {
  return { field: key, type: 'nominal', title: null, scale: { range: { field: colour } }, legend: { ...legend, labelExpr: `substring(datum.label, ${digits + 1})` } };
}

/**
 * `colours` are the report's fixed colours per row id (PresetContext). `records` are the chart's:
 * a legend built from them lists only series with a value to draw, so a chart with a series that
 * has none keeps the explicit scale, as do two series of one colour (more series than the palette
 * has colours): then the spec names them.
 */
export function seriesStyles(series: Array<[string, string]>, colours: Readonly<Record<string, string>>, records: ChartRecord[] = []): SeriesStyles {
  const { domain, range } = seriesColourScale(series, colours);
  const of = new Map(domain.map((label, order) => [label, { colour: range[order] ?? '#000000', order, seriesKey: sortKey(order, label, domain.length) }]));
  const drawn = new Set(records.filter((r) => r.value !== null).map((r) => r.series));
  const keyed = domain.every((label) => drawn.has(label)) ? keyedLegendColour('seriesKey', 'colour', range) : undefined;
  const legend = keyed ?? { field: 'series', type: 'nominal', title: null, scale: { domain, range }, sort: domain, legend: {} };
  return { of, legend };
}

/** Records with their series' style added (as spec data: the chart's own records stay as they are). */
export function styled<T extends { series: string }>(records: T[], styles: SeriesStyles): Array<T & SeriesStyle> {
  return records.map((r) => ({ ...r, ...(styles.of.get(r.series) ?? { colour: '#000000', order: 0, seriesKey: sortKey(0, r.series, 1) }) }));
}

/** Fields `styled` adds: for the spec's field check. */
export const STYLE_FIELDS = ['colour', 'order', 'seriesKey'];

/** Each record in its series' colour, without a legend (lines and slopes are labelled directly). */
export const seriesInk: Spec = { field: 'colour', type: 'nominal', scale: null };

/** Lines and points stay one per series even where two series share a colour. */
export const seriesDetail: Spec = { field: 'series' };

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
