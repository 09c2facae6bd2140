/**
 * Time-series presets: line, index (a line chart with a reference line at 100), bar, grouped
 * bar, stacked bar and 100 % stacked bar. Rows are series, periods the x axis.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { ChartBlock } from '../chart-block.ts';
import { chartData, type SeriesData } from '../chart-records.ts';
import { describeChart } from '../describe-chart.ts';
import { compareChart } from './compare-chart.ts';
import { CHART_HEIGHT } from '../theme.ts';
import { baseSpec, labelPositions, numberFormat, periodAxis, periodTitle, seriesDetail, seriesInk, seriesStyles, seriesTooltip, STYLE_FIELDS, styled, valueAxis, type PreparedChart, type PresetContext, type Spec } from './common.ts';
import type { Language } from '../../languages/language.ts';

/** A time-series chart's figure parts: its data, spec and the series description. */
export function seriesChart(block: ChartBlock, data: SeriesData, spec: Spec, extraFields: string[], language: Language): PreparedChart {
  return {
    data,
    spec: spec as unknown as TopLevelSpec,
    extraFields,
    subtitle: data.unitText,
    description: describeChart(block.title, block.subtitle ?? data.unitText, data.records, data.series, data.decimals, language),
  };
}

export function lineChart(block: ChartBlock, context: PresetContext, reference?: number): PreparedChart {
  if (block.compare) return compareChart(block, block.compare, context, reference);
  const data = chartData(block, context.tables, context.language);
  const height = block.height ?? CHART_HEIGHT;
  const format = numberFormat(data.decimals);
  const xTitle = periodTitle(data, context.language);
  const lastPeriod = data.records.reduce((last, r) => (r.period > last ? r.period : last), '');
  const positions = labelPositions(data.records, lastPeriod, height);
  const styles = seriesStyles(data.series, context.colours);
  const labels = styled(
    data.records.filter((r) => r.period === lastPeriod && r.value !== null).map((r) => ({ period: r.period, series: r.series, labelAt: positions.get(r.series) ?? r.value })),
    styles,
  );
  const layers: Spec[] = [];
  if (reference !== undefined) {
    layers.push({ mark: { type: 'rule', strokeDash: [4, 3], opacity: 0.7 }, encoding: { y: { datum: reference } } });
  }
  layers.push(
    {
      mark: { type: 'line', point: true },
      encoding: { x: periodAxis(xTitle), y: valueAxis(data.unitText, format), color: seriesInk, detail: seriesDetail, tooltip: seriesTooltip(xTitle, data.unitText, format) },
    },
    {
      // Direct labels at the line ends instead of a legend.
      data: { values: labels },
      mark: { type: 'text', align: 'left', dx: 8, fontSize: 12 },
      encoding: {
        x: periodAxis(xTitle),
        y: { field: 'labelAt', type: 'quantitative' },
        text: { field: 'series' },
        color: seriesInk,
      },
    },
  );
  return seriesChart(block, data, { ...baseSpec(styled(data.records, styles), height), layer: layers }, ['labelAt', ...STYLE_FIELDS], context.language);
}

export type BarMode = 'single' | 'grouped' | 'stacked' | 'normalized';

export function barChart(block: ChartBlock, context: PresetContext, mode: BarMode): PreparedChart {
  const data = chartData(block, context.tables, context.language);
  const format = numberFormat(data.decimals);
  const xTitle = periodTitle(data, context.language);
  const stacked = mode === 'stacked' || mode === 'normalized';
  const styles = seriesStyles(data.series, context.colours, data.records);
  const encoding: Spec = {
    x: periodAxis(xTitle),
    y: valueAxis(data.unitText, format, mode === 'normalized' ? { stack: 'normalize', axis: { format: '.0%' } } : mode === 'stacked' ? { stack: 'zero' } : { stack: null }),
    color: data.series.length > 1 ? styles.legend : seriesInk,
    tooltip: seriesTooltip(xTitle, data.unitText, format),
  };
  // Bars of a period side by side in series order: the key sorts as the series do.
  if (mode === 'grouped') encoding.xOffset = { field: 'seriesKey', type: 'nominal' };
  if (stacked) encoding.order = { field: 'order', type: 'quantitative' };
  const spec = { ...baseSpec(styled(data.records, styles), block.height ?? CHART_HEIGHT), mark: { type: 'bar' }, encoding };
  return seriesChart(block, data, spec, STYLE_FIELDS, context.language);
}
