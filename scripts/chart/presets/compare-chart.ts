/**
 * A line or index chart the reader changes (`compare:`, chart/compare.ts): its records are every
 * row's, its spec draws those the `compareShown` signal names, coloured in order of picking, with a
 * legend in that order (a legend, not labels at the line ends: which lines are drawn is only known
 * in the browser). The build draws the author's first choice with the same spec; the generated
 * description speaks of that choice, and the Data view lists every row.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { ChartBlock } from '../chart-block.ts';
import { chartData } from '../chart-records.ts';
import { COMPARE_FIELDS, compareControl, compareSpecParts } from '../compare.ts';
import { describeChart } from '../describe-chart.ts';
import { CHART_HEIGHT } from '../theme.ts';
import { baseSpec, keyDigits, numberFormat, periodAxis, periodTitle, seriesDetail, seriesInk, seriesTooltip, recordsLegendColour, valueAxis, type PreparedChart, type PresetContext, type Spec } from './common.ts';

export function compareChart(block: ChartBlock, compare: string[], context: PresetContext, reference?: number): PreparedChart {
  const data = chartData(block, context.tables, context.language);
  const control = compareControl(data.series, compare, context.colours);
  const digits = keyDigits(control.choices.length);
  // Colour and legend order from the records' `colour` and `seriesKey`, as the presets' legends are.
  const pickedColour = recordsLegendColour('seriesKey', 'colour', digits, { labelLimit: 220, symbolType: 'stroke', symbolStrokeWidth: 2.5 });
  const fixed = new Map(control.choices.map((choice) => [choice.key, choice.fixedColour ?? '']));
  const format = numberFormat(data.decimals);
  const xTitle = periodTitle(data, context.language);
  const { params, transform } = compareSpecParts(control, digits);
  const layers: Spec[] = [];
  if (reference !== undefined) layers.push({ mark: { type: 'rule', strokeDash: [4, 3], opacity: 0.7 }, encoding: { y: { datum: reference } } });
  // Only the lines have the legend's scale: a second layer with a range from its own data (a
  // line's `point: true` makes one) would conflict with it. The points take the colour as it is.
  layers.push(
    { mark: { type: 'line' }, encoding: { x: periodAxis(xTitle), y: valueAxis(data.unitText, format), color: pickedColour, detail: seriesDetail } },
    { mark: { type: 'point', filled: true }, encoding: { x: periodAxis(xTitle), y: valueAxis(data.unitText, format), color: seriesInk, tooltip: seriesTooltip(xTitle, data.unitText, format) } },
  );
  const values = data.records.map((record) => ({ ...record, fixedColour: fixed.get(record.key) ?? '' }));
  const spec: Spec = { ...baseSpec(values, block.height ?? CHART_HEIGHT), params, transform, layer: layers };
  const shown = new Set(control.shown);
  return {
    data,
    spec: spec as unknown as TopLevelSpec,
    extraFields: COMPARE_FIELDS,
    subtitle: data.unitText,
    description: describeChart(
      block.title,
      block.subtitle ?? data.unitText,
      data.records.filter((r) => shown.has(r.key)),
      control.shown.map((key) => data.series.find(([k]) => k === key)!),
      data.decimals,
      context.language,
    ),
    compare: control,
  };
}
